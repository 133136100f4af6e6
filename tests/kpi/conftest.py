"""Fixtures of the KPI tests: the plan of ``kpi_fixture``."""

import pytest
from kpi_fixture import Plan, build_plan

from essplanner.workspace import Workspace


@pytest.fixture
def plan(workspace: Workspace) -> Plan:
    return build_plan(workspace)
