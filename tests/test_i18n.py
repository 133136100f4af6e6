"""Every message of the core and the plugins has a French translation."""

import subprocess
import sys
from pathlib import Path

from essplanner.errors import ValidationError
from essplanner.i18n import _, set_language
from essplanner.timeutil import parse_user_datetime

ROOT = Path(__file__).parents[1]


def test_no_core_or_plugin_message_lacks_french() -> None:
    result = subprocess.run([sys.executable, "tools/i18n.py"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_french_is_used_when_selected() -> None:
    set_language("fr")
    assert _("The text is empty.") == "Le texte est vide."
    try:
        parse_user_datetime("2027-03-28T02:30", "Europe/Paris")
    except ValidationError as exc:
        assert "n’existe pas" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected a ValidationError")
