"""The registry of central documents (``data/documents.json``) and its look-ups.

Each entry gives a document's number (or none: Congress resolutions, constitutions),
kind, issuing date, issuer, title, the named forms it is cited by and the public portal
that publishes it. :mod:`.references` turns named forms into keys with its grammar and
asks the registry which document a key, a number or a theme means.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .text import fold

__all__ = ["Entry", "Registry", "load_entries"]

_WORD_RE = re.compile(r"\w+")
# A named form that goes on with a theme ("Nghị quyết Trung ương 6 khóa XII về ...").
_THEMED_FORM_RE = re.compile(r"\s(?:về|Về)\s")
# Words a title opens with that citations leave out ("Nghị quyết về ...").
_TITLE_OPENERS = ("ve viec", "ve", "mot so van de ve")
# A theme must repeat this many words of a title (or all of a shorter one).
MIN_THEME_WORDS = 4


def words(text: str) -> list[str]:
    """Folded words of a text: the unit themes and titles are compared in."""
    return _WORD_RE.findall(fold(text))


@dataclass(frozen=True)
class Entry:
    """One central document of the registry."""

    number: str | None
    kind: str
    date: str
    issuer: str
    title: str
    named: tuple[str, ...]
    source: str
    key: str = ""  # the number, else the named key of the first named form
    named_key: str | None = None  # the named key of the first named form
    title_words: tuple[str, ...] = field(default=(), compare=False)

    @property
    def year(self) -> int:
        return int(self.date[:4])


def load_entries(path: str | None = None) -> list[dict[str, Any]]:
    """The raw entries of the data file (the packaged one unless ``path`` is given)."""
    if path is None:
        text = resources.files(__package__).joinpath("data/documents.json").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    return json.loads(text)["documents"]


def _title_words(title: str) -> tuple[str, ...]:
    folded = words(title)
    for opener in _TITLE_OPENERS:
        head = opener.split()
        if folded[: len(head)] == head:
            return tuple(folded[len(head) :])
    return tuple(folded)


def _run(topic: list[str], title: tuple[str, ...]) -> int:
    """How many leading words of ``topic`` appear, in order and adjacent, in ``title``."""
    best = 0
    for i, w in enumerate(title):
        if w != topic[0]:
            continue
        n = 0
        while n < len(topic) and i + n < len(title) and title[i + n] == topic[n]:
            n += 1
        best = max(best, n)
    return best


def latest_before(entries: Iterable[Entry], day: str | None) -> list[Entry]:
    """The entries in force on ``day`` (ISO date; None: today): the latest issued by then.

    Several entries may share a name or a theme (the land law of 2013 and of 2024); a
    citation means the one in force when the article was written.
    """
    dated = sorted(entries, key=lambda e: e.date)
    if day is not None:
        dated = [e for e in dated if e.date <= day]
    if not dated:
        return []
    return [e for e in dated if e.date == dated[-1].date]


class Registry:
    """Indexes over the entries: by number, by named key, by kind and number, by kind."""

    def __init__(self, raw: list[dict[str, Any]], key_of: Callable[[str], str | None]) -> None:
        """``key_of(form)`` is the grammar's named key of a named form (None if it has none)."""
        self.entries: list[Entry] = []
        self.by_number: dict[str, Entry] = {}
        self.by_name: dict[str, list[Entry]] = {}
        self.themed: set[str] = set()  # named keys that need a theme to pick one entry
        self.by_kind_number: dict[tuple[str, int], list[Entry]] = {}
        self.by_kind: dict[str, list[Entry]] = {}
        for item in raw:
            named = tuple(item.get("named") or ())
            keys = [key_of(form) for form in named]
            first = keys[0] if keys else None
            entry = Entry(
                number=item["number"],
                kind=item["kind"],
                date=item["date"],
                issuer=item["issuer"],
                title=item["title"],
                named=named,
                source=item["source"],
                key=item["number"] or first or "",
                named_key=first,
                title_words=_title_words(item["title"]),
            )
            self.entries.append(entry)
            if entry.number:
                self.by_number[entry.number] = entry
                digits = re.match(r"\d+", entry.number)
                if digits:
                    number = int(digits.group())
                    self.by_kind_number.setdefault((entry.kind, number), []).append(entry)
            self.by_kind.setdefault(entry.kind, []).append(entry)
            for form, key in zip(named, keys, strict=True):
                if key is None:
                    continue
                bucket = self.by_name.setdefault(fold(key), [])
                if entry not in bucket:
                    bucket.append(entry)
                if _THEMED_FORM_RE.search(form):
                    self.themed.add(fold(key))  # "... khóa XII về ...": the key alone is not enough

    def by_theme(
        self, candidates: Iterable[Entry], topic: list[str], day: str | None
    ) -> tuple[list[Entry], int]:
        """The candidates whose title the ``topic`` words repeat best, and how many words.

        Returns ([], 0) when no title shares :data:`MIN_THEME_WORDS` adjacent words.
        """
        if not topic:
            return [], 0
        scored: dict[int, list[Entry]] = {}
        for entry in candidates:
            n = _run(topic, entry.title_words)
            if n >= min(MIN_THEME_WORDS, len(entry.title_words)) and n:
                scored.setdefault(n, []).append(entry)
        if not scored:
            return [], 0
        n = max(scored)
        return latest_before(scored[n], day) or scored[n], n
