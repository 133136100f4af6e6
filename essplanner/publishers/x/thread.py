"""Splitting a long text into the posts of a thread, each within X's weighted limit.

Only when the person asked for it (the account's ``thread`` setting, or the request's
``thread`` option): a text over the limit is otherwise refused before anything is sent.
Cuts fall between words, filling each post, else (a word longer than a whole post)
between characters; nothing is added or numbered, so what is read is what was written.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

#: more parts than this is a mistake rather than a thread
MAX_PARTS = 25
_PIECE = regex.compile(r"\S+\s*")
_GRAPHEME = regex.compile(r"\X")


def split_thread(text: str, limit: int, count: Callable[[str], int]) -> list[str]:
    """The parts of ``text``, each counting at most ``limit`` (one part when it fits)."""
    text = text.strip()
    if count(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for piece in _pieces(text, limit, count):
        candidate = current + piece
        if current and count(candidate.rstrip()) > limit:
            parts.append(current.rstrip())
            current = piece.lstrip(" ")
        else:
            current = candidate
    if current.strip():
        parts.append(current.rstrip())
    return [p.strip("\n") for p in parts if p.strip()]


def _pieces(text: str, limit: int, count: Callable[[str], int]) -> list[str]:
    """Words with their trailing spaces; a word too long for one post cut in characters."""
    pieces: list[str] = []
    lead = text[: len(text) - len(text.lstrip())]
    if lead:
        pieces.append(lead)
    for match in _PIECE.finditer(text):
        word = match.group(0)
        if count(word.rstrip()) <= limit:
            pieces.append(word)
            continue
        chunk = ""
        for cluster in _GRAPHEME.findall(word):
            if chunk and count((chunk + cluster).rstrip()) > limit:
                pieces.append(chunk)
                chunk = ""
            chunk += cluster
        pieces.append(chunk)
    return pieces
