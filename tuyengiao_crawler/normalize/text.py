"""Text clean-up helpers shared by the other normalize modules.

Everything here is plain standard library so it can run inside pipelines,
the CLI and tests alike.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text", "fold", "nfc_with_offsets", "strip_accents", "title_case"]

# Invisible characters that survive copy/paste from CMS editors and break matching.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# NBSP and the other Unicode space separators (but not newlines).
_SPACES_RE = re.compile("[\t\f\v \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")
_LINE_BREAKS_RE = re.compile("\r\n?|[\u2028\u2029\x85\x0b\x0c]")

# Ð (U+00D0, Icelandic eth capital) and ð are common mis-typed stand-ins for Đ/đ.
# Same length, so translating keeps every offset valid.
D_FIX = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
_D_FIX_PAIRS = tuple((chr(code), value) for code, value in D_FIX.items())


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


def strip_accents(text: str) -> str:
    """Remove Vietnamese diacritics (đ -> d) - used for tolerant keyword lookup."""
    decomposed = unicodedata.normalize("NFD", text.translate(D_FIX))
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return base.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Accent-free, casefolded, single-spaced key for dictionary lookups."""
    return " ".join(strip_accents(text).casefold().split())


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Return (NFC text with Đ fixed, offset map or None).

    When the input is already NFC (the common case) the map is None and offsets
    are identical.  Otherwise ``mapping[i]`` is the index in the original text of
    the normalised character ``i``; ``mapping[len(norm)] == len(text)``.  The text
    is normalised cluster by cluster (base char + combining marks) so every
    normalised span can be mapped back onto whole original clusters.
    """
    # `text.translate(D_FIX)`, without translate's per-character dict lookups (slow on
    # long non-ASCII text): usually none of the three characters is there.
    fixed = text
    for char, value in _D_FIX_PAIRS:
        if char in fixed:
            fixed = fixed.replace(char, value)
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
