"""A plugin whose import fails (a missing dependency, a syntax slip in a new version)."""

raise ImportError("No module named 'feathers'")
