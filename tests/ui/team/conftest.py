"""A team on one workspace: Alice (administrator, the first person), Paul (approver),
Chloé (contributor); ``become`` switches who uses the installation, as another person's
computer would be."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from essplanner.domain import Member, Role
from essplanner.workspace import Workspace


@dataclass(frozen=True)
class Crew:
    alice: Member
    paul: Member
    chloe: Member


@pytest.fixture
def crew(workspace: Workspace) -> Crew:
    alice = workspace.team.set_identity("Alice Bernard", "alice@energie-solidaire.org")
    assert alice.role is Role.ADMINISTRATOR  # the first person of a workspace alone
    paul = workspace.team.add_member("Paul Martin", "paul@energie-solidaire.org",
                                     Role.APPROVER)
    chloe = workspace.team.add_member("Chloé Durand", "chloe@energie-solidaire.org",
                                      Role.CONTRIBUTOR)
    return Crew(alice, paul, chloe)


@pytest.fixture
def become(workspace: Workspace) -> Callable[[Member], Member]:
    """Use the installation as ``member`` (their name and e-mail in the settings)."""
    def switch(member: Member) -> Member:
        workspace.settings.user_name = member.name
        workspace.settings.user_email = member.email
        workspace.team.refresh()
        me = workspace.team.me()
        assert me.id == member.id
        return me
    return switch
