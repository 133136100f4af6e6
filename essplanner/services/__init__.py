"""Use cases: one module per aggregate, each a Service that owns its transaction; the calendar read model."""
