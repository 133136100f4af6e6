"""Helpers shared by several test packages: fakes of the platforms, fixtures, the log checker."""
