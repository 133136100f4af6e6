"""KPI views: dashboard, charts, coverage, outcomes, the report dialog and its PDF."""
