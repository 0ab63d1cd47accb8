"""Broken Vietnamese text: detection and repair of mojibake and legacy 8-bit font encodings.

Text reaches the archive broken in a few well-known ways:

- **UTF-8 read as Windows-1252** ("Ä‘áº£ng" for "đảng"): a wrong charset, or a CMS that
  stored already mis-decoded text ("utf8-double").
- **Windows-1258 read as Windows-1252** ("ÐaÒng"): a page without a charset ("cp1258").
- **TCVN3 (ABC)**: the 8-bit font encoding of `.VnTime`, `.VnArial`..., shown as Latin-1
  ("§¶ng bé" for "Đảng bộ"); still common in old articles pasted from Word ("tcvn3").
- **VNI** (VNI-Windows): the font encoding of `VNI-Times`..., where a letter is followed by
  a tone byte ("Ñaûng boä" for "Đảng bộ") ("vni").

`repair_text` recognises these by how many words stop being Vietnamese syllables, converts
when one decoding makes the text clearly Vietnamese again, and otherwise leaves it alone;
`text_quality` says what is still wrong. The tables are the standard ones (TCVN 5712:1993
VN3, with the VN1 capitals that fall in the same byte range; VNI for Windows); the
`encode_*` functions are their inverses, used to build test pages.

Standard library only. Every function here is total: no input makes it raise.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "METHODS",
    "Assessment",
    "apply_repair",
    "assess",
    "detect_mojibake",
    "encode_cp1258",
    "encode_tcvn3",
    "encode_vni",
    "font_hint",
    "repair_text",
    "suspicious",
    "text_quality",
]

# Tone marks and their order in the VNI table rows: none, sắc, huyền, hỏi, ngã, nặng.
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_BASE_VOWELS = "aăâeêioôơuưy"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


VOWELS = frozenset(_nfc(v + t) for v in _BASE_VOWELS for t in _TONES)
TONED_VOWELS = frozenset(_nfc(v + t) for v in _BASE_VOWELS for t in _TONES[1:])
_UNTONED = str.maketrans({_nfc(v + t): v for v in _BASE_VOWELS for t in _TONES[1:]})
# The vowel clusters of Vietnamese syllables, without tones ("gi" and "qu" are onsets).
VOWEL_CLUSTERS = frozenset(
    [
        *_BASE_VOWELS,
        *"ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy".split(),
        *"ưa ưi ươ ưu yê iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu".split(),
    ]
)
VIETNAMESE_LETTERS = frozenset(
    {c for v in VOWELS for c in (v, v.upper())} | {"đ", "Đ"} | set("abcdeghiklmnopqrstuvxy")
)

# TCVN3 (ABC), byte -> Unicode, byte shown as its Latin-1 character. Lower-case letters
# and the seven capitals of VN3, plus the VN1 capitals in the same range (checked against
# glibc's TCVN5712-1 converter). Capitals with tones are written with the lower-case
# codes in a capitals font (.VnTimeH), so they decode to lower case.
_TCVN3_BYTES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xAF: "Ằ", 0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ", 0xBA: "Ẳ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ",
    0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ", 0xC5: "Ề", 0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ",
    0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ", 0xCC: "è", 0xCD: "Ể", 0xCE: "ẻ", 0xCF: "ẽ",
    0xD0: "é", 0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xDC: "ĩ", 0xDD: "í",
    0xDE: "ị", 0xDF: "ò", 0xE0: "Ổ", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ", 0xEA: "ờ", 0xEB: "ở",
    0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ", 0xEF: "ù", 0xF0: "Ỗ", 0xF1: "ủ", 0xF2: "ũ",
    0xF3: "ú", 0xF4: "ụ", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ", 0xFF: "Ố",
}  # fmt: skip
TCVN3_TO_UNICODE: dict[str, str] = {chr(b): u for b, u in _TCVN3_BYTES.items()}
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)
_UNICODE_TO_TCVN3 = {u: chr(b) for b, u in _TCVN3_BYTES.items()}

# VNI for Windows: a base letter followed by a mark byte (rows in table order: bare vowel,
# then with sắc, huyền, hỏi, ngã, nặng), plus the letters that are one byte.
_VNI_ROWS = {
    "a": ("a", "aù", "aø", "aû", "aõ", "aï"),
    "â": ("aâ", "aá", "aà", "aå", "aã", "aä"),
    "ă": ("aê", "aé", "aè", "aú", "aü", "aë"),
    "e": ("e", "eù", "eø", "eû", "eõ", "eï"),
    "ê": ("eâ", "eá", "eà", "eå", "eã", "eä"),
    "o": ("o", "où", "oø", "oû", "oõ", "oï"),
    "ô": ("oâ", "oá", "oà", "oå", "oã", "oä"),
    "ơ": ("ô", "ôù", "ôø", "ôû", "ôõ", "ôï"),
    "u": ("u", "uù", "uø", "uû", "uõ", "uï"),
    "ư": ("ö", "öù", "öø", "öû", "öõ", "öï"),
    "i": ("i", "í", "ì", "æ", "ó", "ò"),
    "y": ("y", "yù", "yø", "yû", "yõ", "î"),
}


def _vni_table() -> dict[str, str]:
    table = {"ñ": "đ", "Ñ": "Đ"}
    for vowel, row in _VNI_ROWS.items():
        for tone, code in zip(_TONES, row, strict=True):
            letter = _nfc(vowel + tone)
            table[code] = letter
            table[code.upper()] = letter.upper()
    return {code: letter for code, letter in table.items() if not code.isascii()}


VNI_TO_UNICODE = _vni_table()
_UNICODE_TO_VNI = {letter: code for code, letter in VNI_TO_UNICODE.items()}
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI_TO_UNICODE), key=len, reverse=True)))

METHODS = ("utf8-double", "cp1258", "tcvn3", "vni")

# Characters that almost never occur in correct Vietnamese text but fill broken text: the
# Latin-1 range beyond the Vietnamese letters (TCVN3/VNI bytes, mojibake), C1 controls,
# cp1252 punctuation a UTF-8 lead byte turns into, and U+FFFD. Left out: what sound pages
# use (« » © ° · ‹ › ™, no-break space), so they pass the quick test in one regex search.
_LATIN1_VIETNAMESE = frozenset(c for c in VIETNAMESE_LETTERS if "\u00a0" < c <= "\u00ff")
_SUSPICIOUS_CHARS = (
    {chr(c) for c in range(0x80, 0x100) if chr(c) not in _LATIN1_VIETNAMESE}
    - {"\u00a0", "\u00ab", "\u00bb", "\u00a9", "\u00b0", "\u00b7"}
) | set(
    "\u201a\u0192\u201e\u2020\u2021\u02c6\u2030\u0160\u0152\u017d\u02dc\u0161\u0153\u017e\u0178\ufffd"
)
_SUSPICIOUS = re.compile("[" + "".join(sorted(map(re.escape, _SUSPICIOUS_CHARS))) + "]")
# A "word" for scoring: a run of anything but spaces, ASCII punctuation and digits and the
# usual typographic punctuation, so TCVN3's "§¶ng" stays one word.
_WORD = re.compile(r"[^\s\x21-\x40\x5b-\x60\x7b-\x7e\u2013\u2014\u2018-\u201f\u2026\u00a0]+")
_VOWEL_CLASS = "".join(sorted(VOWELS))
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđðghklmnprstvx])?"
    rf"([{_VOWEL_CLASS}]{{1,3}})"
    r"(?:ch|ng|nh|[cmnpt])?"
)
# Fonts that give away a legacy encoding: .VnTime, .VnArialH (TCVN3); VNI-Times (VNI).
_TCVN3_FONT = re.compile(r"\.Vn[A-Z][A-Za-z]+", re.ASCII)
_VNI_FONT = re.compile(r"\bVNI[- ][A-Z][A-Za-z]+", re.ASCII)


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 bytes of Vietnamese text (tones as the code page's combining marks);
    characters it cannot hold become '?'."""
    out = bytearray()
    for char in _nfc(text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        marks = "".join(m for m in parts if m in _TONES[1:])
        base = _nfc("".join(m for m in parts if m not in _TONES[1:]))
        out += (base + marks).encode("cp1258", errors="replace")
    return bytes(out)


def _encode_table(text: str, table: dict[str, str], lower_fallback: bool) -> bytes:
    out = []
    for char in _nfc(text):
        code = table.get(char)
        if code is None and lower_fallback:
            code = table.get(char.lower())
        out.append(code if code is not None else char)
    return "".join(out).encode("latin-1", errors="replace")


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 (ABC) bytes; capitals TCVN3 has no code for are written lower case (as in
    a capitals font); characters beyond Latin-1 become '?'."""
    return _encode_table(text, _UNICODE_TO_TCVN3, lower_fallback=True)


def encode_vni(text: str) -> bytes:
    """VNI-Windows bytes; characters beyond Latin-1 become '?'."""
    return _encode_table(text, _UNICODE_TO_VNI, lower_fallback=False)


_LOST_A0 = re.compile(rb"([\xc2-\xdf]|[\xe0-\xef][\x80-\xbf]) ")


def _cp1252_bytes(text: str) -> bytes | None:
    """The bytes a Windows-1252 decoding turned into `text` (Latin-1 for the five bytes
    cp1252 leaves undefined); None if `text` cannot have come from such a decoding."""
    out = bytearray()
    for char in text:
        if char < "\x80":
            out.append(ord(char))
            continue
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if char > "\xff":
                return None
            out.append(ord(char))
    return bytes(out)


def apply_repair(text: str, method: str | None) -> str:
    """`text` converted by one of METHODS, NFC; unchanged if the method does not apply."""
    if not text or not method:
        return text
    if method == "tcvn3":
        return _nfc(text.translate(_TCVN3_TABLE))
    if method == "vni":
        return _nfc(_VNI_RE.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text))
    if method in ("utf8-double", "cp1258"):
        raw = _cp1252_bytes(text)
        if raw is None:
            return text
        try:
            decoded = raw.decode("utf-8") if method == "utf8-double" else raw.decode("cp1258")
        except UnicodeDecodeError:
            if method != "utf8-double":
                return text
            # Text clean-up turned the no-break space (0xA0, the last byte of "à", "Ơ",
            # "Ạ"...) into a plain space: put it back after a lead byte and try again.
            raw = _LOST_A0.sub(b"\\1\xa0", raw)
            try:
                decoded = raw.decode("utf-8")
            except UnicodeDecodeError:
                return text
        return _nfc(decoded)
    return text


@dataclass(frozen=True)
class Assessment:
    """How Vietnamese a text reads: its words with non-ASCII characters, how many are valid
    Vietnamese syllables, and how many U+FFFD and suspicious characters it holds."""

    words: int = 0
    valid: int = 0
    replacement: int = 0
    suspicious: int = 0

    @property
    def invalid(self) -> int:
        return self.words - self.valid

    @property
    def invalid_ratio(self) -> float:
        return self.invalid / self.words if self.words else 0.0

    @property
    def score(self) -> int:
        return self.valid - self.invalid - 2 * self.replacement


# Cached: a page has a few hundred distinct words, each checked many times (two thirds of
# the crawl's and of reprocess's time before; see bench/README.md).
@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    """A Vietnamese syllable: onset, a vowel cluster Vietnamese has, coda; one tone at
    most; lower case, upper case or capitalised (never "tiÒnh")."""
    word = _nfc(word)
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    match = _SYLLABLE.fullmatch(word.lower())
    if not match:
        return False
    cluster = match.group(1)
    if sum(1 for c in cluster if c in TONED_VOWELS) > 1:
        return False
    return cluster.translate(_UNTONED) in VOWEL_CLUSTERS


def assess(text: str) -> Assessment:
    if not text:
        return Assessment()
    words = valid = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        words += 1
        valid += _is_syllable(word)
    return Assessment(words, valid, text.count("\ufffd"), len(_SUSPICIOUS.findall(text)))


# Sound pages hold one now and then ("m²", "×") among thousands of Vietnamese letters;
# in broken text they are a good share of all non-ASCII characters. A short text (a title)
# is suspect at the first.
_SHORT_TEXT = 200
_MIN_SHARE = 5  # at least one in five non-ASCII characters


def suspicious(text: str) -> bool:
    """Whether `text` shows characters typical of broken text (a quick first test)."""
    if not text:
        return False
    if len(text) < _SHORT_TEXT:
        return _SUSPICIOUS.search(text) is not None
    found = len(_SUSPICIOUS.findall(text))
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return found >= 3 and found * _MIN_SHARE >= non_ascii


def font_hint(html: str) -> str | None:
    """ "tcvn3" or "vni" if the page names a font of that encoding (.VnTime, VNI-Times)."""
    if not html:
        return None
    if _TCVN3_FONT.search(html):
        return "tcvn3"
    if _VNI_FONT.search(html):
        return "vni"
    return None


def _looks_broken(found: Assessment) -> bool:
    return found.invalid >= 2 and found.invalid_ratio >= 0.25


def repair_text(text: str, hint: str | None = None) -> tuple[str, str | None]:
    """(text, method): the text decoded to correct Vietnamese and the method that did it
    (one of METHODS), or the text unchanged and None when nothing is wrong or no method
    clearly helps. `hint` ("tcvn3", "vni", from `font_hint`) is tried first."""
    if not isinstance(text, str) or not suspicious(text):
        return text, None
    original = assess(text)
    if not _looks_broken(original):
        return text, None
    best, best_method, best_found = text, None, original
    methods = sorted(METHODS, key=lambda m: m != hint)
    for method in methods:
        candidate = apply_repair(text, method)
        if candidate == text:
            continue
        found = assess(candidate)
        if found.score > best_found.score:
            best, best_method, best_found = candidate, method, found
    if best_method is None:
        return text, None
    clearly_better = (
        best_found.invalid_ratio <= original.invalid_ratio / 2
        and best_found.replacement <= original.replacement
    )
    return (best, best_method) if clearly_better else (text, None)


def detect_mojibake(text: str) -> str | None:
    """What is wrong with `text`: a method of METHODS that repairs it, "unknown" for text
    that is broken beyond repair, or None for text that reads as it should."""
    _, method = repair_text(text)
    if method:
        return method
    return "unknown" if text_quality(text) else None


def text_quality(text: str) -> str | None:
    """None for sound text, else a flag for the archive: "suspect:replacement-characters"
    (U+FFFD: bytes lost in decoding) or "suspect:mojibake" (words that are not Vietnamese
    and characters that belong to a wrong decoding)."""
    if not text or not isinstance(text, str):
        return None
    replacement = text.count("\ufffd")
    if replacement >= 3 or (replacement and replacement * 200 >= len(text)):
        return "suspect:replacement-characters"
    if not suspicious(text):
        return None
    found = assess(text)
    if _looks_broken(found) and found.suspicious >= 3:
        return "suspect:mojibake"
    return None
