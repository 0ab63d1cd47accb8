"""Internal consistency of the registry of central documents (normalize/data/documents.json)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from tuyengiao_crawler.normalize import extract_references
from tuyengiao_crawler.normalize.references import REGISTRY, _parse_code
from tuyengiao_crawler.normalize.registry import load_entries

RAW = load_entries()
ENTRIES = REGISTRY.entries
FORMS = [(entry, form) for entry in ENTRIES for form in entry.named]


def test_registry_holds_at_least_sixty_central_documents() -> None:
    assert len(ENTRIES) >= 60
    central = [e for e in ENTRIES if e.number and e.number.endswith("/TW")]
    assert len(central) >= 40


def test_every_entry_has_every_field_and_a_public_source() -> None:
    for item in RAW:
        assert set(item) == {"number", "kind", "date", "issuer", "title", "named", "source"}
        assert item["kind"] and item["issuer"] and item["title"], item
        assert re.fullmatch(r"https://[a-z0-9.-]+\.vn/\S*", item["source"]), item["source"]
        assert dt.date.fromisoformat(item["date"]) <= dt.date(2026, 1, 1)


def test_keys_are_unique() -> None:
    keys = Counter(e.key for e in ENTRIES)
    assert [k for k, n in keys.items() if n > 1] == []
    assert all(ENTRIES), "every entry has a key"
    forms = Counter(f for _, f in FORMS)
    assert [f for f, n in forms.items() if n > 1] == []


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.number], ids=lambda e: e.number)
def test_number_is_canonical_and_agrees_with_date_and_kind(entry) -> None:
    parsed = _parse_code(entry.number)
    assert parsed is not None and parsed["canonical"] == entry.number
    if parsed["year"] is not None:
        assert parsed["year"] == entry.year  # "45/2013/QH13" was issued in 2013
    if parsed["kind"] is not None:
        assert parsed["kind"] == entry.kind or (parsed["kind"], entry.kind) == ("Luật", "Bộ luật")


@pytest.mark.parametrize(("entry", "form"), FORMS, ids=[f for _, f in FORMS])
def test_each_named_form_resolves_to_its_entry_alone(entry, form: str) -> None:
    day = dt.date.fromisoformat(entry.date)
    refs = [r for r in extract_references(form, day) if r["named_key"] or r["title"]]
    assert len(refs) == 1, refs
    (ref,) = refs
    assert ref["document_key"] == entry.key
    assert ref["identified_by"] == "registry"
    assert ref["title"] == entry.title


@pytest.mark.parametrize("entry", [e for e in ENTRIES if not e.number], ids=lambda e: e.key)
def test_documents_without_number_are_keyed_by_name(entry) -> None:
    assert entry.named, "a document without a number needs a name to be found by"
    assert entry.key == entry.named_key
    assert str(entry.year) in entry.title or entry.kind != "Hiến pháp"
