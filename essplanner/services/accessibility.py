"""Accessibility and plain-language checks of a post, in French and English.

Rule-based, each finding explained in the post's language: alternative text that says
nothing, hashtags of several words not written in CamelCase, emoji runs and emoji inside
words, text in capitals, too many hashtags for a network, very long sentences, acronyms and
jargon. The word lists are data (``services/a11y/<lang>.toml``); a workspace adds its own in
``accessibility.toml`` beside its settings (see :data:`WORKSPACE_FILE`). How hashtags of
several words are found: ``docs/decisions/0021-accessibility-checks.md``.

The findings are warnings, except alternative text when the workspace setting
``alt_text_blocking`` is on: then :class:`~essplanner.services.posts.PostService` refuses to
schedule the post.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePath

from essplanner.datafiles import DataError, Table, read_toml
from essplanner.i18n import SUPPORTED, _, language, n_, translator
from essplanner.publishers.text import find_hashtags, find_urls, lazy_pattern

log = logging.getLogger(__name__)

#: the workspace's own words, beside ``settings.json``: ``[fr]`` and ``[en]`` tables with the
#: fields of the shipped files (lists are added to, numbers replace, tables are merged)
WORKSPACE_FILE = "accessibility.toml"

#: hashtags a network's readers follow; past this, a screen reader reads out a list of tags
#: and sighted readers skip them (the networks' own advice, rounded down)
RECOMMENDED_HASHTAGS: Mapping[str, int] = {
    "bluesky": 3, "facebook": 3, "instagram": 5, "linkedin": 3, "mastodon": 4,
    "pinterest": 5, "telegram": 3, "threads": 1, "tiktok": 5, "x": 2, "youtube": 3,
}

#: emoji in a row (spaces between them do not count) from which a run is reported
EMOJI_RUN = 3
#: words in capitals in a row from which the text is "in capitals"
CAPITAL_WORDS = 3

_IMAGE_FILE = lazy_pattern(
    r"[\w\-. ()]+\.(?:jpe?g|png|gif|webp|heic|heif|tiff?|bmp|svg|avif)", ignorecase=True)
_CAMERA_NAME = lazy_pattern(
    r"(?:img|dsc|dscn|dscf|dcim|pxl|mvimg|photo|image|pic|screenshot|capture|p)[_\- ]?\d{2,}.*",
    ignorecase=True)
_EMOJI = lazy_pattern(r"\p{Extended_Pictographic}|\p{Regional_Indicator}")
_WORD = lazy_pattern(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
_SENTENCE_END = lazy_pattern(r"[.!?…]+(?=\s|$)|\n+")


@dataclass(frozen=True)
class Finding:
    """One accessibility problem of a post, in words a volunteer understands."""

    code: str  # "alt_text", "hashtag_case", "emoji_run", "emoji_in_word", "capitals",
    # "too_many_hashtags", "long_sentence", "acronym", "jargon", "word_file"
    message: str
    field: str | None = None  # "text", "media", "hashtags"
    blocking: bool = False  # refuses scheduling (alt text, with the workspace's setting)
    index: int | None = None  # which image, for alt text


@dataclass(frozen=True)
class ImageText:
    """An attached image's alternative text, and its file name (a file name given as
    alternative text says nothing)."""

    alt_text: str
    name: str = ""
    is_video: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """One language's lists: the shipped ones with the workspace's added."""

    language: str
    meaningless_alt: frozenset[str]
    alt_min_chars: int
    sentence_max_words: int
    words: frozenset[str]  # without accents, case-folded
    acronyms: Mapping[str, str] = field(default_factory=dict)
    jargon: Mapping[str, str] = field(default_factory=dict)


def fold(text: str) -> str:
    """``text`` case-folded without accents, one character for one ("Journée" -> "journee")."""
    return "".join(unicodedata.normalize("NFD", c)[0].lower()[:1] for c in text)


def _read(table: Table, base: Vocabulary | None, lang: str) -> Vocabulary:
    def words(key: str) -> frozenset[str]:
        return frozenset(w.strip().casefold() for w in table.words(key, ()))

    def pairs(key: str) -> dict[str, str]:
        sub = table.table(key) if key in table.data else None
        if sub is None:
            return {}
        found = {k: sub.get(k, str) for k in sub.data}
        sub.done()
        return found

    meaningless = words("meaningless_alt")
    vocabulary = {fold(w) for w in table.words("words", ())}
    acronyms, jargon = pairs("acronyms"), pairs("jargon")
    alt_min = table.get("alt_min_chars", int, None if base is None else base.alt_min_chars)
    sentence_max = table.get("sentence_max_words", int,
                             None if base is None else base.sentence_max_words)
    table.done()
    if alt_min is None or sentence_max is None:
        raise DataError(f"{table.where}: alt_min_chars and sentence_max_words are needed")
    if base is not None:
        meaningless |= base.meaningless_alt
        vocabulary |= base.words
        acronyms = {**base.acronyms, **acronyms}
        jargon = {**base.jargon, **jargon}
    return Vocabulary(lang, meaningless, alt_min, sentence_max, frozenset(vocabulary),
                      acronyms, jargon)


def shipped(lang: str) -> Vocabulary:
    """The lists shipped for ``lang`` (``fr`` or ``en``)."""
    file = resources.files("essplanner.services").joinpath("a11y", f"{lang}.toml")
    return _read(read_toml(file, f"a11y/{lang}.toml"), None, lang)


class AccessibilityChecker:
    """Checks posts with the shipped lists and the workspace's file ``extra`` (read again
    when it changes)."""

    def __init__(self, extra: Path | None = None) -> None:
        self.extra = extra
        self._shipped = {lang: shipped(lang) for lang in SUPPORTED}
        self._stamp: float | None = None
        self._merged: dict[str, Vocabulary] = dict(self._shipped)
        self._problem = ""

    # ---- the lists
    def vocabulary(self, lang: str) -> Vocabulary:
        self._reload()
        return self._merged[_language(lang)]

    def _reload(self) -> None:
        if self.extra is None:
            return
        try:
            stamp: float | None = self.extra.stat().st_mtime
        except OSError:
            stamp = None
        if stamp == self._stamp:
            return
        self._stamp, self._merged, self._problem = stamp, dict(self._shipped), ""
        if stamp is None:
            return
        try:
            data = read_toml(self.extra, str(self.extra))
            for lang in SUPPORTED:
                if lang in data.data:
                    self._merged[lang] = _read(data.table(lang), self._shipped[lang], lang)
            data.done()
        except (DataError, OSError, UnicodeDecodeError) as exc:
            log.warning("accessibility word file ignored: %s", exc)
            self._merged, self._problem = dict(self._shipped), str(exc)

    # ---- the checks
    def check(self, *, text: str, hashtags: Sequence[str] = (),
              images: Sequence[ImageText] = (), networks: Mapping[str, str] | None = None,
              lang: str = "", alt_text_blocking: bool = False) -> list[Finding]:
        """Every finding for a post: its ``text`` (body and call to action), its tags
        field, its ``images`` and the ``networks`` it goes to (platform -> name shown),
        explained in ``lang`` (the post's language; the user's if it is neither French nor
        English)."""
        vocabulary = self.vocabulary(lang)
        with translator(vocabulary.language).active():
            found: list[Finding] = []
            if self._problem:
                found.append(Finding("word_file", _(
                    "The accessibility word file is ignored: {problem}",
                    problem=self._problem)))
            for i, image in enumerate(images):
                if not image.is_video:
                    problem = self._alt_problem(image, i + 1, vocabulary)
                    if problem:
                        found.append(Finding("alt_text", problem, "media", alt_text_blocking, i))
            found.extend(self._text_findings(text, vocabulary))
            found.extend(self._hashtag_findings(text, hashtags, networks or {}, vocabulary))
            return found

    def alt_problems(self, images: Sequence[ImageText], lang: str) -> list[Finding]:
        """What is wrong with the images' alternative texts (blocking findings)."""
        vocabulary = self.vocabulary(lang)
        with translator(vocabulary.language).active():
            return [Finding("alt_text", problem, "media", True, i)
                    for i, image in enumerate(images) if not image.is_video
                    if (problem := self._alt_problem(image, i + 1, vocabulary))]

    def _alt_problem(self, image: ImageText, number: int, vocabulary: Vocabulary) -> str:
        alt = " ".join(image.alt_text.split())
        if not alt:
            return _("Image {n} has no alternative text: a screen reader will only say "
                     "“image”. Describe what it shows.", n=number)
        folded = alt.casefold().strip(" .:!?-_«»\"'“”")
        name = PurePath(image.name).name.casefold() if image.name else ""
        if (_IMAGE_FILE.fullmatch(alt) or _CAMERA_NAME.fullmatch(alt)
                or (name and folded in (name, PurePath(name).stem))):
            return _("Image {n}: “{alt}” is a file name, which a screen reader reads out "
                     "as it is. Describe what the image shows.", n=number, alt=alt)
        if folded in vocabulary.meaningless_alt:
            return _("Image {n}: “{alt}” says nothing about the image. Describe who or what "
                     "is in it and what is happening.", n=number, alt=alt)
        if len(alt) < vocabulary.alt_min_chars:
            return _("Image {n}: “{alt}” is too short to describe an image ({count} "
                     "characters, at least {least}). Say who or what is in it.",
                     n=number, alt=alt, count=len(alt), least=vocabulary.alt_min_chars)
        return ""

    def _text_findings(self, text: str, vocabulary: Vocabulary) -> list[Finding]:
        plain = _blank(text, [(s.start, s.end) for s in find_urls(text)]
                       + [(s.start, s.end) for s in find_hashtags(text)])
        found = _emoji_findings(text)
        found.extend(_capitals(plain, vocabulary))
        found.extend(_long_sentences(plain, vocabulary))
        found.extend(_acronyms_and_jargon(plain, vocabulary))
        return found

    def _hashtag_findings(self, text: str, hashtags: Sequence[str],
                          networks: Mapping[str, str], vocabulary: Vocabulary) -> list[Finding]:
        tags: dict[str, str] = {}
        for tag in [s.value for s in find_hashtags(text)] + [h.lstrip("#") for h in hashtags]:
            if tag:
                tags.setdefault(tag.casefold(), tag)
        found = []
        for tag in tags.values():
            camel = camel_case(tag, vocabulary.words)
            if camel:
                found.append(Finding("hashtag_case", _(
                    "Screen readers read #{tag} as one word: write #{camel}.",
                    tag=tag, camel=camel), "hashtags"))
        for platform, name in networks.items():
            limit = RECOMMENDED_HASHTAGS.get(platform)
            if limit is not None and len(tags) > limit:
                found.append(Finding("too_many_hashtags", n_(
                    "{n} hashtag: on {network}, use at most {limit}; a screen reader reads "
                    "each one out, and readers skip a long list.",
                    "{n} hashtags: on {network}, use at most {limit}; a screen reader reads "
                    "each one out, and readers skip a long list.",
                    len(tags), network=name, limit=limit), "hashtags"))
        return found


def _language(lang: str) -> str:
    code = (lang or "").strip().lower()[:2]
    return code if code in SUPPORTED else language()


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` (links, hashtags) replaced by spaces, offsets kept."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def camel_case(tag: str, words: frozenset[str]) -> str:
    """``tag`` in CamelCase if it is several known words written without marking where each
    starts (``journéemondialedesbénévoles`` -> ``JournéeMondialeDesBénévoles``); else ""."""
    if "_" in tag or any(c.isdigit() for c in tag):
        return ""
    letters = [c for c in tag if c.isalpha()]
    upper = all(c.isupper() for c in letters)
    if upper and len(tag) <= 5:
        return ""  # an acronym: #ESS, #ONU
    if not upper and any(c.isupper() for c in tag[1:]):
        return ""  # already marks its words
    folded = fold(tag)
    if folded in words:
        return ""
    pieces = _segment(folded, words)
    if len(pieces) < 2:
        return ""
    out, at = [], 0
    for piece in pieces:
        original = tag[at:at + len(piece)]
        out.append(original[:1].upper() + original[1:].lower())
        at += len(piece)
    return "".join(out)


def _segment(text: str, words: frozenset[str]) -> list[str]:
    """``text`` cut into the fewest known ``words`` (empty if it cannot be)."""
    longest = max((len(w) for w in words), default=0)
    best: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - longest), end):
            before = best[start]
            if before is not None and text[start:end] in words:
                candidate = [*before, text[start:end]]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    return best[-1] or []


def _emoji_findings(text: str) -> list[Finding]:
    import regex

    clusters = regex.findall(r"\X", text)
    is_emoji = [bool(_EMOJI.match(c)) for c in clusters]
    found = []
    run: list[str] = []
    for i, cluster in enumerate([*clusters, ""]):
        if i < len(clusters) and is_emoji[i]:
            run.append(cluster)
            continue
        if i < len(clusters) and cluster.isspace() and run:
            continue  # spaces between emoji do not end the run
        if len(run) >= EMOJI_RUN:
            found.append(Finding("emoji_run", _(
                "{count} emoji in a row ({emoji}): a screen reader reads out the name of each "
                "one. Keep one or two.", count=len(run), emoji="".join(run)), "text"))
        run = []
    for i in range(len(clusters)):
        if (is_emoji[i] and 0 < i < len(clusters) - 1 and clusters[i - 1].isalpha()
                and clusters[i + 1].isalpha()):
            start, end = i, i + 1
            while start > 0 and clusters[start - 1].isalpha():
                start -= 1
            while end < len(clusters) and clusters[end].isalpha():
                end += 1
            found.append(Finding("emoji_in_word", _(
                "An emoji inside “{word}”: a screen reader cuts the word in two to read out the "
                "emoji's name. Put emoji after the words.",
                word="".join(clusters[start:end])), "text"))
    return found


def _capitals(text: str, vocabulary: Vocabulary) -> list[Finding]:
    found = []
    run: list[str] = []
    for match in [*_WORD.finditer(text), None]:
        word = match.group(0) if match is not None else ""
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            run.append(word)
            continue
        if len(run) >= CAPITAL_WORDS and any(w not in vocabulary.acronyms for w in run):
            found.append(Finding("capitals", _(
                "“{words}” is in capitals: it is harder to read, and some screen readers spell "
                "it letter by letter. Write it in small letters.", words=" ".join(run)), "text"))
        run = []
    return found


def _long_sentences(text: str, vocabulary: Vocabulary) -> list[Finding]:
    found = []
    for sentence in _SENTENCE_END.split(text):
        words = [w for w in _WORD.findall(sentence) if any(c.isalpha() for c in w)]
        if len(words) > vocabulary.sentence_max_words:
            found.append(Finding("long_sentence", _(
                "A sentence of {count} words (“{start}…”): cut it in two. Sentences of at most "
                "{limit} words are easier to read.", count=len(words),
                start=" ".join(words[:5]), limit=vocabulary.sentence_max_words), "text"))
    return found


def _acronyms_and_jargon(text: str, vocabulary: Vocabulary) -> list[Finding]:
    import regex

    found = []
    folded = text.casefold()
    for acronym, meaning in vocabulary.acronyms.items():
        if (regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(acronym)}(?![\p{{L}}\p{{N}}])",
                         text) and meaning.casefold() not in folded):
            found.append(Finding("acronym", _(
                "{acronym}: not everyone knows what it means. Write it in full at least once "
                "(“{meaning}”).", acronym=acronym, meaning=meaning), "text"))
    for term, plain in vocabulary.jargon.items():
        if regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(term)}(?![\p{{L}}\p{{N}}])", text,
                        regex.IGNORECASE):
            found.append(Finding("jargon", _(
                "“{term}” is jargon: say “{plain}” instead.", term=term, plain=plain), "text"))
    return found
