"""Text clean-up, and the one place Vietnamese text is folded and keyed.

Everything here is plain standard library so it can run inside pipelines,
the CLI and tests alike.  Folding (`fold_d`, `strip_accents`, `fold`), tone
unification (`unify_tones`) and the author key (`author_key`) are defined here
only: the search index (archive/fts.py), search filters and highlighting
(archive/search.py) and byline parsing all use these, so they agree.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata

__all__ = [
    "D_FIX",
    "D_FOLD",
    "author_key",
    "clean_text",
    "fix_d",
    "fold",
    "fold_d",
    "nfc_with_offsets",
    "strip_accents",
    "title_case",
    "unify_tones",
]

# Invisible characters that survive copy/paste from CMS editors and break matching.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# NBSP and the other Unicode space separators (but not newlines).
_SPACES_RE = re.compile("[\t\f\v \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")
_LINE_BREAKS_RE = re.compile("\r\n?|[\u2028\u2029\x85\x0b\x0c]")

# Ð/ð (U+00D0/U+00F0, Icelandic eth) and Ɖ/ɖ (U+0189/U+0256, African D) are common
# mis-typed stand-ins for Đ/đ. D_FIX reads them as Đ/đ; D_FOLD folds all six to D/d,
# which accent-free text needs because đ has no Unicode decomposition. Both map one
# character to one, so every offset stays valid.
_D_LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110", "\u0256": "\u0111"}
D_FIX = str.maketrans(_D_LOOKALIKES)
_D_ASCII = {"\u0110": "D", "\u0111": "d"}
D_FOLD = str.maketrans({**_D_ASCII, **{c: _D_ASCII[d] for c, d in _D_LOOKALIKES.items()}})
_D_FIX_PAIRS = tuple((chr(code), value) for code, value in D_FIX.items())
_D_FOLD_PAIRS = tuple((chr(code), value) for code, value in D_FOLD.items())

# Old tone placement (hoà, thuỷ, khoẻ) moved to the new one (hòa, thủy, khỏe): the tone
# of a syllable-final oa/oe/uy goes onto the first vowel. Works on NFD text; the NFC
# result has the same length, so offsets into the original text stay valid.
_TONE_SWAP_RE = re.compile(
    r"([oOuU])([aeyAEY])([\u0300\u0301\u0303\u0309\u0323])(?![\w\u0300-\u036f])"
)
# A quick test on NFC text for where _TONE_SWAP_RE can match in its NFD: o/u followed by a
# precomposed letter whose decomposition is a/e/y with a tone mark first (à, ả, ỵ, ặ...).
# In NFC text nothing else decomposes to that sequence, so text without such a pair comes
# back unchanged and the decompose/recompose of the whole article is skipped.
_TONED_AEY = "".join(
    ch
    for ch in map(chr, range(0xC0, 0x1F00))
    if len(nfd := unicodedata.normalize("NFD", ch)) > 1
    and nfd[0] in "aeyAEY"
    and nfd[1] in "\u0300\u0301\u0303\u0309\u0323"
)
# The NFC form of a _TONE_SWAP_RE match, and the character after it: the pair is swapped
# on its own, and the rest of the text (almost all of it, already NFC) is neither
# decomposed nor recomposed.
_OLD_TONE_NFC_RE = re.compile(f"[oOuU][{_TONED_AEY}](?![\\w\u0300-\u036f])(?=(.?))", re.S)
# The combining block, where every Vietnamese diacritic is (and U+034F, the grapheme
# joiner, which has no combining class but is invisible). Other combining marks (Cyrillic
# titlo, Hebrew points, the kana voicing mark...) are found by their combining class.
_LATIN_MARKS_RE = re.compile("[\u0300-\u036f]")


def clean_text(text: str | None) -> str:
    """NFC, drop invisible characters, unify spaces, keep paragraph breaks."""
    if not text:
        return ""
    if not isinstance(text, str):
        text = str(text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE_RE.sub("", text)
    text = _LINE_BREAKS_RE.sub("\n", text)
    text = _SPACES_RE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_NEWLINES_RE.sub("\n\n", text)
    return text.strip()


def _replace_pairs(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    # Same result as `text.translate(table)`, which looks every character up in a dict
    # (most of the indexing time on long text); these scans are a hundred times faster
    # when, as usual, none of the characters is there.
    for char, value in pairs:
        if char in text:
            text = text.replace(char, value)
    return text


def fix_d(text: str) -> str:
    """Ð, ð, Ɖ, ɖ read as Đ/đ (`text.translate(D_FIX)`); same length."""
    return _replace_pairs(text, _D_FIX_PAIRS)


def fold_d(text: str) -> str:
    """Đ, đ and their look-alikes folded to D/d (`text.translate(D_FOLD)`); same length."""
    return _replace_pairs(text, _D_FOLD_PAIRS)


class _MarksFollow(Exception):
    """A combining mark after the pair: decomposing the whole text reorders it among the
    pair's marks (canonical order), which decides whether the tone moves."""


# Each such pair in NFC, with its tone moved: a sub's callback runs for every match (three
# an article), and decomposing, swapping and recomposing each was a third of the index's
# text preparation.
_NEW_TONE_PLACE = {
    pair: unicodedata.normalize(
        "NFC", _TONE_SWAP_RE.sub(r"\1\3\2", unicodedata.normalize("NFD", pair))
    )
    for pair in (o + aey for o in "oOuU" for aey in _TONED_AEY)
}


def _new_tone_place(pair: re.Match[str]) -> str:
    if pair.group(1) and unicodedata.combining(pair.group(1)):
        raise _MarksFollow
    return _NEW_TONE_PLACE[pair.group()]


def unify_tones(text: str) -> str:
    """NFC text with one tone placement for oa/oe/uy; same length as NFC(text) in practice."""
    if unicodedata.is_normalized("NFC", text):
        with contextlib.suppress(_MarksFollow):
            return _OLD_TONE_NFC_RE.sub(_new_tone_place, text)
    nfd = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _TONE_SWAP_RE.sub(r"\1\3\2", nfd))


def strip_accents(text: str) -> str:
    """Remove Vietnamese diacritics (đ -> d) and every other combining mark; keeps case."""
    text = _LATIN_MARKS_RE.sub("", unicodedata.normalize("NFD", fold_d(text)))
    if text.isascii():  # all Vietnamese text: no character left to check
        return text
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def fold(text: str | None) -> str:
    """Accent-free, casefolded, single-spaced key for lookups and accent-free comparison."""
    return " ".join(strip_accents(text or "").casefold().split())


def author_key(name: str) -> str:
    """Dedupe key for authors: NFC, casefold, single spaces, one tone placement.

    Diacritics are kept (Hòa and Hóa are different names); Ð and its look-alikes are
    read as Đ, and old/new tone placement (hoà/hòa, thuỷ/thủy) is unified.
    """
    if not name:
        return ""
    # Casefolded in NFD, before the tone swap: the stored keys were made this way, and
    # casefold then NFC is not always NFC then casefold.
    text = unicodedata.normalize("NFD", fix_d(str(name))).casefold()
    text = _TONE_SWAP_RE.sub(r"\1\3\2", text)
    return " ".join(unicodedata.normalize("NFC", text).split())


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Return (NFC text with Đ fixed, offset map or None).

    When the input is already NFC (the common case) the map is None and offsets
    are identical.  Otherwise ``mapping[i]`` is the index in the original text of
    the normalised character ``i``; ``mapping[len(norm)] == len(text)``.  The text
    is normalised cluster by cluster (base char + combining marks) so every
    normalised span can be mapped back onto whole original clusters.
    """
    fixed = fix_d(text)
    if unicodedata.is_normalized("NFC", fixed):
        return fixed, None
    parts: list[str] = []
    mapping: list[int] = []
    n = len(fixed)
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(fixed[j]):
            j += 1
        piece = unicodedata.normalize("NFC", fixed[i:j])
        parts.append(piece)
        mapping.extend([i] * len(piece))
        i = j
    mapping.append(n)
    return "".join(parts), mapping


def title_case(word: str) -> str:
    """Capitalise one syllable the Vietnamese way (works for Đ and precomposed vowels)."""
    if not word:
        return word
    return word[0].upper() + word[1:].lower()
