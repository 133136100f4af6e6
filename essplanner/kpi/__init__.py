"""Objectives measured: periods, progress against targets, coverage, visits, the KPI service and the report."""
