"""Reusable hashtag sets for the editor ("#ESS #Solidarité #Énergie" under one name)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select

from essplanner import domain, models
from essplanner.errors import NotFoundError, ValidationError
from essplanner.i18n import _
from essplanner.publishers.text import lazy_pattern
from essplanner.services.base import Service

# What every platform recognises as a tag: a letter, digit or underscore, then letters,
# digits, marks and underscores (publishers/text.py uses the same characters).
_TAG = lazy_pattern(r"[\p{L}\p{N}_][\p{L}\p{N}\p{M}_]*")


def split_hashtags(text: str) -> list[str]:
    """Tags typed as ``#a #b``, ``a, b`` or ``a b``, without their '#'."""
    return [t for t in (part.strip().lstrip("#") for part in
                        text.replace(",", " ").replace(";", " ").split()) if t]


def clean_hashtags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without '#', each once (case-insensitively); invalid ones are refused."""
    seen: dict[str, str] = {}
    for raw in tags:
        tag = raw.strip().lstrip("#")
        if not tag:
            continue
        if not _TAG.fullmatch(tag) or tag.isdigit():
            raise ValidationError(_("#{tag} is not a hashtag: use letters, digits and _ "
                                    "only, with no spaces.", tag=tag))
        seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


class HashtagSetService(Service):
    """Named sets of hashtags, shared by everyone who uses the database."""

    def all(self) -> list[domain.HashtagSet]:
        with self.db.read() as s:
            rows = s.scalars(select(models.HashtagSet).order_by(models.HashtagSet.name))
            return [_to_set(r) for r in rows]

    def save(self, name: str, tags: Sequence[str]) -> domain.HashtagSet:
        """Create the set ``name``, or replace its tags if it exists (names ignore case)."""
        name = (name or "").strip()
        if not name:
            raise ValidationError(_("Give the hashtag set a name."))
        cleaned = clean_hashtags(tags)
        if not cleaned:
            raise ValidationError(_("A hashtag set needs at least one hashtag."))
        with self.db.write() as s:
            row = s.scalar(select(models.HashtagSet).where(
                func.lower(models.HashtagSet.name) == name.lower()))
            if row is None:
                row = models.HashtagSet(name=name)
                s.add(row)
            row.tags = list(cleaned)
            s.flush()
            return _to_set(row)

    def delete(self, set_id: int) -> None:
        with self.db.write() as s:
            result = s.execute(delete(models.HashtagSet).where(models.HashtagSet.id == set_id))
            if not getattr(result, "rowcount", 1):
                raise NotFoundError(_("There is no hashtag set number {id}.", id=set_id))


def _to_set(row: models.HashtagSet) -> domain.HashtagSet:
    return domain.HashtagSet(id=row.id, name=row.name, tags=tuple(row.tags or ()))
