"""What a person's role lets them do, said where a thing is refused.

The services refuse what a role does not allow (and, on PostgreSQL, the database itself);
the window only keeps people from trying: a refused action is disabled with a tooltip
saying who may do it, never hidden without a word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from essplanner.domain import TeamAction

if TYPE_CHECKING:
    from essplanner.workspace import Workspace


def refusal(workspace: Workspace, action: TeamAction) -> str:
    """Why this person may not do ``action`` (a tooltip), or "" when they may."""
    from essplanner.services.team import refusal as refusal_text

    return "" if workspace.team.can(action) else refusal_text(action)
