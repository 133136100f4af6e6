"""Control characters: refused in what people type, made visible in what the terminal prints.

A title holding ``ESC ] 0 ; ... BEL`` retitles the terminal that lists it, ``ESC [ 2 J``
clears it, a right-to-left override (U+202E) shows a title backwards. Posts are
checked once, in the service layer, so the command line, CSV imports and the
windows refuse the same characters with the same message; the command line also
escapes whatever reached the database another way (an older version, SQL).
"""

from __future__ import annotations

import re

from essplanner.errors import ValidationError
from essplanner.i18n import _

#: explicit direction controls: embeddings, overrides (U+202A-U+202E) and isolates
#: (U+2066-U+2069); they reorder what follows them on screen
_BIDI = "\u202a-\u202e\u2066-\u2069"
#: C0 controls but TAB and LF, DEL and C1 controls: refused in multi-line texts
_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: every C0 control (TAB and LF too), DEL, C1 and direction controls: refused in one-line
#: fields (titles, links, hashtags)
_IN_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
#: what a terminal must never receive raw (TAB and LF keep the layout)
_UNSAFE_OUTPUT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
#: what ``json.dumps(ensure_ascii=False)`` leaves raw and a terminal may act on
_UNSAFE_JSON = re.compile(f"[\x7f-\x9f{_BIDI}]")


def clean_text(value: str, *, field: str) -> str:
    """A multi-line text as stored: line ends as LF; other control characters refused.

    ``field`` names the field in the message (already translated).
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    _refuse(_IN_TEXT, value, field)
    return value


def clean_line(value: str, *, field: str) -> str:
    """A one-line field (a title, a link): any control or direction character refused."""
    _refuse(_IN_LINE, value, field)
    return value


def _refuse(pattern: re.Pattern[str], value: str, field: str) -> None:
    found = pattern.search(value)
    if found is not None:
        raise ValidationError(_(
            "{field}: the invisible control character {char} is not allowed; remove it.",
            field=field, char=f"U+{ord(found.group()):04X}"))


def terminal_safe(text: str) -> str:
    """``text`` with every control character a terminal could act on written as an escape
    (``\\x1b``, ``\\u202e``); TAB and LF are kept."""
    return _UNSAFE_OUTPUT.sub(_escape, text)


def json_safe(text: str) -> str:
    """JSON from ``json.dumps(..., ensure_ascii=False)`` with DEL, C1 and direction controls
    escaped too (``\\u009b``): still the same JSON, now harmless in a terminal."""
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
