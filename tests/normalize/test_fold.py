"""The one accent fold, tone unification and author key (normalize/text.py).

The search index holds `fold_d(unify_tones(text))` and `unify_tones(text)`: the pins below
fail if either output changes for any character, which would leave the index of existing
archives stale (see archive/fts.py).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tuyengiao_crawler.normalize.text import (
    _TONE_SWAP_RE,
    D_FIX,
    D_FOLD,
    author_key,
    fix_d,
    fold,
    fold_d,
    strip_accents,
    unify_tones,
)

EVERY_CHAR = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
LOOKALIKES = {"\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ", "\u0256": "đ"}  # Ð ð Ɖ ɖ


def test_the_d_tables():
    assert {chr(k): v for k, v in D_FIX.items()} == LOOKALIKES
    assert {chr(k): v for k, v in D_FOLD.items()} == {
        "Đ": "D",
        "đ": "d",
        "\u00d0": "D",
        "\u00f0": "d",
        "\u0189": "D",
        "\u0256": "d",
    }


def test_fold_d_changes_exactly_the_six_ds():
    # fold_d works character by character, so this covers every text the index holds
    changed = {ch: fold_d(ch) for ch in EVERY_CHAR if fold_d(ch) != ch}
    assert changed == {chr(k): v for k, v in D_FOLD.items()}
    text = "Ðảng ủy ðoàn Ɖình ɖức Đà Nẵng"
    assert fold_d(text) == text.translate(D_FOLD) == "Dảng ủy doàn Dình dức Dà Nẵng"
    assert fix_d(text) == text.translate(D_FIX) == "Đảng ủy đoàn Đình đức Đà Nẵng"


def test_unify_tones_leaves_every_single_character_alone():
    # a tone moves only between two letters; on its own a character is only NFC'd
    assert [ch for ch in EVERY_CHAR if unify_tones(ch) != unicodedata.normalize("NFC", ch)] == []


def _unify_tones_of_whole_text(text: str) -> str:
    """unify_tones as first written (the index of existing archives was built with it):
    decompose the whole text, move the tones, recompose."""
    nfd = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _TONE_SWAP_RE.sub(r"\1\3\2", nfd))


def test_unify_tones_in_place_is_unify_tones_of_the_whole_text():
    # unify_tones moves a tone in NFC text on the two letters alone: the same result for
    # every old-style pair, whatever character follows it (it decides syllable-final)
    toned = [ch for ch in EVERY_CHAR if unicodedata.normalize("NFD", ch)[0] in "aeyAEY"]
    pairs = [vowel + ch for vowel in "oOuU" for ch in toned]
    followers = ["", " ", "n", "ng", "-", "1", "_", "\u0301", "à", "ặ", "Đ", "\u200b"]
    texts = [f"h{pair}{after}" for pair in pairs for after in followers]
    # every mark (canonical reordering moves some before the tone) and the scripts near
    marks_and_latin = [ch for ch in EVERY_CHAR if ch < "\u3000" or unicodedata.combining(ch)]
    texts += [f"Thuỵ{after} hoà" for after in marks_and_latin]
    assert [t for t in texts if unify_tones(t) != _unify_tones_of_whole_text(t)] == []


def test_unify_tones_of_real_pages_is_unify_tones_of_the_whole_text():
    pages = sorted(Path(__file__).parents[1].glob("**/*.html"))  # the saved pages
    texts = [page.read_text(encoding="utf-8", errors="replace") for page in pages]
    assert len(texts) > 50
    changed = [unify_tones(t) != t for t in texts]
    assert any(changed)  # old-style tones are in there
    assert [t[:60] for t in texts if unify_tones(t) != _unify_tones_of_whole_text(t)] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà", "hòa"),
        ("hoá", "hóa"),
        ("hoả", "hỏa"),
        ("hoã", "hõa"),
        ("hoạ", "họa"),
        ("khoẻ", "khỏe"),
        ("thuỷ", "thủy"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("Thuỵ Khuê", "Thụy Khuê"),
        ("quý", "qúy"),  # qu is one consonant, but both sides of a search agree
        (unicodedata.normalize("NFD", "hoà"), "hòa"),
        ("hoàn thành", "hoàn thành"),  # not syllable-final: a tone on oa before n stays
        ("hoằng", "hoằng"),
        ("thuyền", "thuyền"),
        ("tuyên giáo", "tuyên giáo"),
    ],
)
def test_unify_tones(old, new):
    assert unify_tones(old) == new
    assert unify_tones(new) == new
    assert len(unify_tones(old)) == len(unicodedata.normalize("NFC", old))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đảng ủy", "dang uy"),
        ("  Ban   Tuyên giáo\nTỉnh ủy ", "ban tuyen giao tinh uy"),
        ("Ðảng ðoàn Ɖình ɖảng", "dang doan dinh dang"),
        (unicodedata.normalize("NFD", "Nghị định"), "nghi dinh"),
        ("Hoà Hòa HOÀ", "hoa hoa hoa"),
        ("Straße", "strasse"),
        ("a\u034fb\u1dc4c", "abc"),  # grapheme joiner and marks outside U+0300-036F too
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_strip_accents_keeps_case():
    assert strip_accents("Đảng ủy Ɖình") == "Dang uy Dinh"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Nguyễn ɖình", "Nguyễn Đình"), ("ðinh", "Đinh"), ("Hoà", "hòa"), ("Thuỷ", "THỦY")],
)
def test_author_key_reads_look_alikes_and_old_tones(a, b):
    assert author_key(a) == author_key(b)


def test_author_key_keeps_diacritics():
    assert author_key("Nguyễn  ĐÌNH Hoà") == "nguyễn đình hòa"
    assert author_key("Hòa") != author_key("Hóa") != author_key("Hoa")
