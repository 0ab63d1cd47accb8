"""Extraction of Party and State document references.

Party style:  ``208-QĐ/TW``, ``08-NQ/TU``, ``HD/BTGTW`` (number-TYPE/ISSUER)
State style:  ``439/QĐ-TTg``, ``15/2020/NĐ-CP``, ``24/2018/QH14``, ``123/UBND-VX``
Named:        ``Nghị quyết Trung ương 4 khóa XII``, ``Nghị quyết Đại hội XIII``,
              ``Luật Báo chí 2016``, ``Bộ luật Hình sự``, ``Hiến pháp năm 2013``,
              ``Quy định của Bộ Chính trị về <the words of a registry title>``

Every record has the keys of :data:`REF_KEYS`; ``text[start:end] == surface`` always
holds (offsets refer to the caller's original string, even for NFD input).
``document_key`` is the same for every way of citing one document: its ``canonical``
number form when known (from the text, the registry or a name written beside it), else
its named key. ``reason`` says why a reference has no number.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .dates import DateLike, date_at
from .registry import Entry, Registry, latest_before, load_entries
from .text import fold, nfc_with_offsets, strip_accents

__all__ = [
    "IDENTIFIED_BY",
    "REF_KEYS",
    "REGISTRY",
    "extract_references",
    "link_partial_references",
    "named_key",
]

REF_KEYS = (
    "surface",
    "start",
    "end",
    "kind",
    "number",
    "year",
    "type_code",
    "issuer_code",
    "canonical",
    "issued_on",
    "issuer",
    "document_key",
    "named_key",
    "title",
    "identified_by",
    "partial",
    "reason",
)
# How a reference's document was identified (`identified_by`): by the number it carries;
# by the registry, from its name or theme; learned from a name and a number written side
# by side; by its name alone; and, for partial references ("Chỉ thị 05"), from a full one
# in the same article or on the same site (archive/store.py).
IDENTIFIED_BY = ("number", "registry", "learned", "name-only", "article", "site")

# Canonical kind names, longest first so "Thông tư liên tịch" beats "Thông tư".
_KIND_WORDS = (
    "Thông báo kết luận",
    "Chương trình hành động",
    "Nghị quyết liên tịch",
    "Thông tư liên tịch",
    "Nghị quyết",
    "Chỉ thị",
    "Quy định",
    "Kết luận",
    "Thông báo",
    "Quyết định",
    "Đề án",
    "Kế hoạch",
    "Hướng dẫn",
    "Nghị định",
    "Thông tư",
    "Bộ luật",
    "Luật",
    "Công văn",
    "Chương trình",
    "Công điện",
    "Thông tri",
    "Quy chế",
    "Báo cáo",
    "Tờ trình",
    "Pháp lệnh",
    "Sắc lệnh",
    "Điều lệ",
    "Văn bản",
    "Hiến pháp",
    "Văn kiện",
)
# Phrases that name a more specific kind than the one we report.
_KIND_ALIASES = {
    "Thông báo kết luận": "Thông báo",
    "Chương trình hành động": "Chương trình",
}
_KIND_BY_FOLD = {fold(k): _KIND_ALIASES.get(k, k) for k in _KIND_WORDS}
# A bare number after these words is only a reference when "số" is written.
_NEEDS_SO = {"Luật", "Bộ luật", "Báo cáo", "Tờ trình", "Quy chế", "Pháp lệnh", "Sắc lệnh"}
_NEEDS_SO |= {"Điều lệ", "Văn bản", "Kế hoạch", "Công điện", "Thông tri", "Hiến pháp", "Văn kiện"}
# Words that say nothing of the kind: the type code in the number does ("văn bản số
# 12-HD/BTGTU" is a Hướng dẫn).
_GENERIC_KINDS = {"Văn bản", "Công văn"}
_LAW_KINDS = ("Luật", "Bộ luật", "Hiến pháp")

_PARTY_TYPES = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "CT": "Chỉ thị",
    "QĐ": "Quy định",
    "QĐi": "Quy định",
    "KL": "Kết luận",
    "TB": "Thông báo",
    "ĐA": "Đề án",
    "KH": "Kế hoạch",
    "HD": "Hướng dẫn",
    "CV": "Công văn",
    "CTr": "Chương trình",
    "CĐ": "Công điện",
    "TT": "Thông tri",
    "TTr": "Tờ trình",
    "BC": "Báo cáo",
    "QC": "Quy chế",
}
_STATE_TYPES = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "CT": "Chỉ thị",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "KH": "Kế hoạch",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CV": "Công văn",
    "CĐ": "Công điện",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "ĐA": "Đề án",
    "QC": "Quy chế",
    "CTr": "Chương trình",
    "KL": "Kết luận",
    "PL": "Pháp lệnh",
    "SL": "Sắc lệnh",
    "L": "Luật",
}

# --- the reference regex ---------------------------------------------------------------
# Kind words are matched case-sensitively against every capitalisation variant, factored
# as a trie; each accented letter is a class of its same-base variants so that missing or
# wrong diacritics ("Nghị quyêt") still match.  Case-sensitive literal-led branches keep
# the scan fast (sre rejects most positions on the first character).
_VN_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_VARIANTS: dict[str, str] = {}
for _ch in _VN_LETTERS + _VN_LETTERS.upper():
    _key = strip_accents(_ch)
    _VARIANTS[_key] = _VARIANTS.get(_key, "") + _ch
_VARIANTS["d"] = "dđ"
_VARIANTS["D"] = "DĐ"


def _char_class(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    base = strip_accents(ch)
    if base in _VARIANTS and base.isalpha():
        return "[" + _VARIANTS[base] + "]"
    return re.escape(ch)


def _trie_regex(words: list[str]) -> str:
    """A regex alternation factored as a trie (sre does not factor prefixes itself)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(_char_class(ch), {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [edge + emit(sub) for edge, sub in sorted(node.items()) if edge != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


def _case_variants(word: str) -> list[str]:
    """lower / UPPER / every mix of capitalised syllables ("Thông báo Kết luận")."""
    parts = word.lower().split()
    out = [word.upper()]
    for mask in range(1 << len(parts)):
        out.append(" ".join(p.capitalize() if mask >> i & 1 else p for i, p in enumerate(parts)))
    return out


_OTHER_KIND_SRC = _trie_regex(
    sorted({v for k in _KIND_WORDS if k not in _LAW_KINDS for v in _case_variants(k)})
)
_LAW_KIND_SRC = _trie_regex(sorted({v for k in _LAW_KINDS for v in _case_variants(k)}))

_U = "A-ZĐƯƠÔÂĂÊ"
# Slashes and hyphens as typed: the fraction slash (U+2044), the full-width and division
# slashes, the en dash, the non-breaking hyphen and the minus sign all stand in for / and -.
_SL = "[/\u2044\uff0f\u2215]"
_HY = "[-\u2013\u2010\u2011\u2212]"
_SEPARATORS = str.maketrans(
    {
        "\u2044": "/",
        "\uff0f": "/",
        "\u2215": "/",
        "\u2013": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
    }
)
_PARTY_TYPE_ALT = "|".join(sorted(_PARTY_TYPES, key=len, reverse=True))
# "105/QĐ/TW": a slash for the hyphen, only with a Party type and a Party committee.
_PARTY_ISSUER_SLASHED = rf"[{_U}]{{0,8}}(?:TW|TU|HU|ĐU|QU|TƯ)"
_PARTY_CODE = (
    rf"\d{{1,4}}\s?(?:{_HY}\s?[{_U}][{_U}a-z]{{0,4}}\s?{_SL}\s?[{_U}][{_U}a-z0-9]{{0,11}}"
    rf"|{_SL}(?:{_PARTY_TYPE_ALT}){_SL}{_PARTY_ISSUER_SLASHED}(?![\w]))"
    rf"(?:-[{_U}][{_U}0-9]{{0,8}})?"
)
_PARTY_NONUM = rf"(?:HD|KH|CV|TB|BC|QĐ|NQ|CT|KL|ĐA|CTr|TTr|QC){_SL}[{_U}][{_U}0-9]{{1,11}}"
_STATE_CODE = (
    rf"\d{{1,5}}(?:{_SL}(?:19|20)\d{{2}})?{_SL}[{_U}][{_U}a-z0-9]*"
    rf"(?:(?:{_HY}\s?|\.)[{_U}][{_U}a-z0-9]*)*"
)
_CODE = rf"(?:{_PARTY_CODE}|{_STATE_CODE}|{_PARTY_NONUM})(?![\w])(?!\.\w)"

_UNITS = (
    r"%|năm(?!\s+(?:19|20)\d\d)|tháng|ngày(?!\s+\d)|tuần|giờ|phút|người|tỷ|triệu|nghìn|"
    r"ngàn|km|ha|lần|đồng|hộ|xã|huyện|tỉnh|nội\s+dung|điểm|mục|điều|khoản|chương|nhóm|"
    r"lĩnh\s+vực|giải\s+pháp|nhiệm\s+vụ|đơn\s+vị|cơ\s+sở|đảng\s+viên|cán\s+bộ|tập\s+thể|"
    r"cá\s+nhân|học\s+sinh|trường|công\s+trình"
)
# Plenums numbered in words: "lần thứ tư", "lần thứ mười một".
_ORDINALS = {"nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "lam": 5}
_ORDINALS |= {"sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_ORDINAL_UNIT = r"(?:một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín)(?!\w)"
_NAMED = (
    rf"(?:Hội\s+nghị\s+(?:lần\s+thứ\s+(?:\d{{1,2}}|[^\W\d]+(?:\s+{_ORDINAL_UNIT})?)\s+)?"
    r"(?:Ban\s+Chấp\s+hành\s+)?"
    r"Trung\s+ương(?:\s+Đảng)?(?:\s+(?:lần\s+thứ\s+)?(?:\d{1,2}|[IVXL]+)(?![\w]))?"
    r"|(?:Ban\s+Chấp\s+hành\s+)?Trung\s+ương\s+(?:lần\s+thứ\s+)?(?:\d{1,2}|[IVXL]+)(?![\w]))"
    r"(?:\s*\(\s*(?i:khóa|khoá)\s+[IVXL]+\s*\)|\s*,?\s*(?i:khóa|khoá)\s+[IVXL]+(?![\w]))?"
    r"|Đại\s+hội\s+(?:[^\W\d]+\s+){0,9}?(?:lần\s+thứ\s+)?[IVXL]+(?![\w])"
    r"(?:\s+của\s+Đảng)?(?:\s*,?\s*nhiệm\s+kỳ\s+\d{4}\s*[-–]\s*\d{4})?"
)
# "Kết luận của Bộ Chính trị về ...": a document cited by its theme, the words of its
# title (looked up in the registry; the lookahead leaves the title words to the scan).
_THEME = (
    r"(?P<theme>\s+(?:của\s+(?:Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|"
    r"Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?)"
    r"(?:\s*\(?\s*(?i:khóa|khoá)\s+[IVXL]+\s*\)?)?\s+)?về\s+(?:việc\s+)?)(?=[^\W\d_])"
)

# Laws by name: the names the registry knows stand alone ("Bộ luật Hình sự"); any other
# name needs its year ("Luật Thủ đô 2024") or its number ("Luật Thủ đô số 39/2024/QH15"),
# which ends it. The constitution needs a year.
_REGISTRY_RAW = load_entries()
_LAW_FORM_RE = re.compile(r"(?:Bộ luật|Luật)\s+(.+?)(?:\s+(?:năm\s+)?(?:19|20)\d\d)?")
_LAW_NAMES = sorted(
    {
        m.group(1)
        for item in _REGISTRY_RAW
        for form in item.get("named") or ()
        if (m := _LAW_FORM_RE.fullmatch(form))
    }
)
_UPPER = "A-ZĐ" + _VN_LETTERS.upper()
_LAW_YEAR = r"(?:\s+(?:năm\s+)?(?:19|20)\d\d(?![\d/]))"
_KNOWN_LAWS_SRC = _trie_regex(sorted({v for n in _LAW_NAMES for v in (n, n.lower())}))
_LAW_TAIL = (
    rf"(?:{_KNOWN_LAWS_SRC})(?![\w]){_LAW_YEAR}?"
    rf"|[{_UPPER}][^\W\d_]*(?:,?\s+(?!(?:năm|Luật|luật)(?!\w)|và\s+(?:Luật|luật|Bộ))[^\W\d_]+)"
    rf"{{0,6}}?(?:{_LAW_YEAR}|(?=\s*,?\s*số\s*:?\s*\d))"
    rf"|(?:năm\s+)?(?:19|20)\d\d(?![\d/])"
)
_LAW_SPLIT_RE = re.compile(r"(.*?)(?:\s*\b(?:năm\s+)?((?:19|20)\d\d))?", re.DOTALL)

# One kind branch for every kind word; the law kinds are a group of their own so that only
# they try a law's name (a conditional, not a second alternative tried at every position).
_REF_RE = re.compile(
    rf"(?<!\w)(?P<kind>(?P<lawkind>{_LAW_KIND_SRC})|{_OTHER_KIND_SRC})"
    rf"(?:\s+(?i:liên\s+tịch|liên\s+bộ))?"
    rf"(?:(?(lawkind)\s+(?P<law>{_LAW_TAIL})|(?!))"
    rf"|(?:\s+(?P<so>(?i:s[ốoóồ]))\s*[:.]?\s*|\s*:\s*|\s+)"
    rf"(?:(?P<code>{_CODE})"
    rf"|(?P<num>\d{{1,5}})(?![\d/]|[.,]\d|\s?[-–]\s?[\d{_U}])(?!\s*(?i:{_UNITS})(?![\w]))"
    rf"|(?P<named>{_NAMED}))"
    rf"|{_THEME})"
    rf"|(?<![\w/.\-–])(?P<bare>{_CODE})"
)
# After a number, the plenum that adopted it: "Nghị quyết số 04-NQ/TW Hội nghị Trung ương
# 4 khóa XII" (a link between the number and the name, learned by the archive).
_TAIL_NAMED_RE = re.compile(rf"\s*[(,]?\s*(?:của\s+|tại\s+)?(?P<named>{_NAMED})", re.IGNORECASE)
# "Luật An ninh mạng số 24/2018/QH14": a law's name and its number are one mention.
_LAW_NUMBER_RE = re.compile(rf"\s*,?\s*(?:(?i:s[ốoóồ])\s*:?\s*)?(?P<code>{_CODE})")
# "Nghị quyết Trung ương 4 khóa XII (Nghị quyết số 04-NQ/TW)": a name and a number side
# by side are one document.
_SIDE_BY_SIDE_RE = re.compile(r"\s*(?:\(|,|[-–]|:)\s*(?:(?:tức|hay|là)\s+)?")
_THEME_AFTER_RE = re.compile(
    r"\s*,?\s*(?:\(?\s*(?:khóa|khoá)\s+[IVXL]+\s*\)?\s*,?\s*)?về\s+(?:việc\s+)?", re.IGNORECASE
)
_WORD_RE = re.compile(r"\w+")
_PLENUM_NUM_RE = re.compile(
    r"(?:lần\s+thứ\s+(?P<word>[^\W\d]+(?:\s+[^\W\d]+)?)\s+(?:Ban\s+Chấp\s+hành\s+)?Trung"
    r"|Trung\s+ương(?:\s+Đảng)?\s+(?:lần\s+thứ\s+)?(?P<num>\d{1,2}|[IVXL]+)(?![\w])"
    r"|lần\s+thứ\s+(?P<num2>\d{1,2})(?!\d))"
)
_TERM_RE = re.compile(r"(?i:khóa|khoá)\s+(?P<term>[IVXL]+)(?![\w])")
_CONGRESS_RE = re.compile(r"Đại\s+hội\s+(?P<mid>(?:[^\W\d]+\s+)*?)(?:lần\s+thứ\s+)?(?P<r>[IVXL]+)")
# Words between "Đại hội" and its number that still name the national Congress.
_NATIONAL = {"", "dai bieu toan quoc", "toan quoc", "dang", "dang toan quoc"}
_NATIONAL |= {"dai bieu toan quoc cua dang", "dang cong san viet nam"}

_PARTY_PARSE_RE = re.compile(rf"(\d{{1,4}})-([{_U}][{_U}a-z]{{0,4}})/(.+)")
_PARTY_SLASHED_PARSE_RE = re.compile(
    rf"(\d{{1,4}})/({_PARTY_TYPE_ALT})/({_PARTY_ISSUER_SLASHED}(?:-[{_U}][{_U}0-9]{{0,8}})?)"
)
_NONUM_PARSE_RE = re.compile(rf"([{_U}][{_U}a-z]{{0,4}})/(.+)")
_STATE_PARSE_RE = re.compile(r"(\d{1,5})(?:/(\d{4}))?/(.+)")
_SOLO_RE = re.compile(rf"[{_U}][{_U}]+|TTg|(?:UBTV)?QH\d{{1,2}}")
_QH_RE = re.compile(r"(UBTV)?QH\d{0,2}")

# "Nghị quyết số 18, 19-NQ/TW": a bare number borrowing the code that follows it.
_LIST_TAIL_RE = re.compile(
    rf"(?:\s*(?:,|;|và)\s*\d{{1,4}})*\s*(?:,|;|và)\s*\d{{1,4}}\s?{_HY}\s?"
    rf"(?P<type>[{_U}][{_U}a-z]{{0,4}})\s?{_SL}\s?(?P<iss>[{_U}][{_U}a-z0-9]{{0,11}})(?![\w])"
)
_LIST_SEP_RE = re.compile(r"\s*(?:,|;|và|hoặc)\s*(?:(?:số)\s+)?", re.IGNORECASE)
_TAIL_DATE_RE = re.compile(
    r"\s*[,(]?\s*(?:(?:được\s+|đã\s+)?(?:ban\s+hành|ký|thông\s+qua)\s+)?(?:vào\s+)?ngày\s+",
    re.IGNORECASE,
)
_TAIL_ISSUER_RE = re.compile(r"\s*\)?\s*,?\s*(?:của|do)\s+", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[^\s,;:()\[\]\"“”]+|[,;:()\[\]\"“”]")

_ISSUER_HEADS = {
    "Ban",
    "Bộ",
    "Thủ",
    "Chính",
    "Quốc",
    "Ủy",
    "Uỷ",
    "UBND",
    "HĐND",
    "Hội",
    "Tỉnh",
    "Thành",
    "Huyện",
    "Đảng",
    "Sở",
    "Văn",
    "Tổng",
    "Cục",
    "BCH",
    "BTV",
    "Chủ",
    "Ngân",
    "Tòa",
    "Viện",
    "Kiểm",
    "Mặt",
    "Trung",
    "Liên",
    "Thường",
    "TW",
    "UBTVQH",
}
_ISSUER_GLUE = set(
    "bí thư chính trị thường vụ trực chấp hành nhân dân tỉnh huyện thành phố thị xã phường ủy "
    "uỷ ban tướng phủ hội quốc trung ương đảng bộ tuyên giáo tổ chức vận kiểm tra nội đồng "
    "trưởng tịch khóa khoá giáo dục đào tạo an ninh quân sự chỉ huy mặt trận tổ quốc".split()
)
_ROMAN_RE = re.compile(r"[IVXL]+")
_ISSUER_CANON = {
    "ban bi thu": "Ban Bí thư",
    "ban bi thu trung uong": "Ban Bí thư",
    "ban bi thu trung uong dang": "Ban Bí thư",
    "bo chinh tri": "Bộ Chính trị",
    "ban chap hanh trung uong": "Ban Chấp hành Trung ương",
    "ban chap hanh trung uong dang": "Ban Chấp hành Trung ương",
    "bch trung uong": "Ban Chấp hành Trung ương",
    "bch tw": "Ban Chấp hành Trung ương",
    "trung uong": "Ban Chấp hành Trung ương",
    "thu tuong": "Thủ tướng Chính phủ",
    "thu tuong chinh phu": "Thủ tướng Chính phủ",
    "chinh phu": "Chính phủ",
    "quoc hoi": "Quốc hội",
    "uy ban thuong vu quoc hoi": "Ủy ban Thường vụ Quốc hội",
    "ubtvqh": "Ủy ban Thường vụ Quốc hội",
    "ban thuong vu tinh uy": "Ban Thường vụ Tỉnh ủy",
    "btv tinh uy": "Ban Thường vụ Tỉnh ủy",
    "ban thuong vu thanh uy": "Ban Thường vụ Thành ủy",
    "ban thuong vu huyen uy": "Ban Thường vụ Huyện ủy",
    "tinh uy": "Tỉnh ủy",
    "thanh uy": "Thành ủy",
    "huyen uy": "Huyện ủy",
}
_KHOA_TAIL_RE = re.compile(r"\s*,?\s*\(?\s*(?:khóa|khoá)\s+[IVXL]+\)?$", re.IGNORECASE)


def _new(surface: str, start: int, end: int, kind: str) -> dict[str, Any]:
    rec: dict[str, Any] = dict.fromkeys(REF_KEYS)
    rec.update(surface=surface, start=start, end=end, kind=kind, partial=False)
    return rec


def _kind_from_word(word: str) -> str:
    return _KIND_BY_FOLD.get(fold(word), word)


def _roman(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total or None


def _ordinal(word: str) -> int | None:
    """ "tư" -> 4, "mười một" -> 11 (plenums written in words)."""
    parts = fold(word).split()
    if not parts or any(p not in _ORDINALS for p in parts):
        return None
    if parts[0] == "muoi":
        return 10 + (_ORDINALS[parts[1]] if len(parts) > 1 else 0)
    return _ORDINALS[parts[0]] if len(parts) == 1 else None


def named_key(kind: str, named: str) -> tuple[str | None, str | None]:
    """The named key of a plenum or Congress name, and why it is incomplete (or None).

    "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng (khóa XII)" and "Trung ương 4
    khóa XII" both give "<kind> Trung ương 4 khóa XII"; "Đại hội đại biểu toàn quốc lần
    thứ XIII của Đảng" gives "<kind> Đại hội XIII".
    """
    text = " ".join(named.split())
    congress = _CONGRESS_RE.search(text)
    if congress is not None:
        if fold(congress.group("mid")) in _NATIONAL:
            return f"{kind} Đại hội {congress.group('r')}", None
        return f"{kind} {text}", "name-only: a local congress, its name is the key"
    m = _PLENUM_NUM_RE.search(text)
    if m is None:
        return None, "name-only: the name does not say which plenum"
    if m.group("word"):
        plenum = _ordinal(m.group("word"))
    else:
        raw = m.group("num") or m.group("num2")
        plenum = int(raw) if raw.isdigit() else _roman(raw)
    if plenum is None:
        return None, "name-only: the name does not say which plenum"
    term = _TERM_RE.search(text)
    if term is None:
        return f"{kind} Trung ương {plenum}", "name-only: the term (khóa) is not written"
    return f"{kind} Trung ương {plenum} khóa {term.group('term')}", None


def _law_key(kind: str, law: str) -> tuple[str | None, str | None, str | None]:
    """(named key, name without year, year) of "Đất đai năm 2013" after "Luật"."""
    m = _LAW_SPLIT_RE.fullmatch(" ".join(law.split()))
    name, year = (m.group(1), m.group(2)) if m else (law, None)
    name = name.strip(" ,")
    if not name:
        return (f"{kind} {year}" if year and kind == "Hiến pháp" else None), None, year
    if kind == "Hiến pháp":
        return None, None, None
    known = _KNOWN_LAW_BY_FOLD.get(fold(name))
    name = known or name[0].upper() + name[1:]
    return (f"{kind} {name} {year}" if year else f"{kind} {name}"), name, year


def _parse_code(code: str) -> dict[str, Any] | None:
    """Split a code surface into number/year/type/issuer/canonical (None if rejected)."""
    c = re.sub(r"\s+", "", code).translate(_SEPARATORS)
    m = _PARTY_PARSE_RE.fullmatch(c) or _PARTY_SLASHED_PARSE_RE.fullmatch(c)
    if m:
        num, typ, iss = m.groups()
        return {
            "style": "party",
            "number": int(num),
            "year": None,
            "type_code": typ,
            "issuer_code": iss,
            "canonical": f"{num}-{typ}/{iss}",
            "kind": _PARTY_TYPES.get(typ),
        }
    m = _STATE_PARSE_RE.fullmatch(c)
    if m:
        num, year, rest = m.groups()
        parts = rest.split("-")
        typ: str | None = None
        if len(parts) >= 2 and parts[0] in _STATE_TYPES:
            typ, iss = parts[0], "-".join(parts[1:])
            kind = _STATE_TYPES[typ]
        else:
            iss = rest
            q = _QH_RE.fullmatch(rest)
            if q:
                kind = "Pháp lệnh" if q.group(1) else "Luật"
            elif len(parts) >= 2:
                kind = "Công văn"  # "123/UBND-VX": issuer-unit with no type code
            else:
                kind = None
        return {
            "style": "state",
            "number": int(num),
            "year": int(year) if year else None,
            "type_code": typ,
            "issuer_code": iss,
            "canonical": c,
            "kind": kind,
            "solo": len(parts) == 1 and not year,
        }
    m = _NONUM_PARSE_RE.fullmatch(c)
    if m:
        typ, iss = m.groups()
        return {
            "style": "party",
            "number": None,
            "year": None,
            "type_code": typ,
            "issuer_code": iss,
            "canonical": c,
            "kind": _PARTY_TYPES.get(typ),
        }
    return None


def _read_issuer(text: str, pos: int) -> tuple[str | None, int]:
    """The issuer named at ``pos`` and where its name ends."""
    tokens: list[str] = []
    last_end = pos
    end = pos
    for i, tm in enumerate(_TOKEN_RE.finditer(text, pos, min(len(text), pos + 160))):
        tok = tm.group()
        bare = tok.rstrip(".")
        if "\n" in text[last_end : tm.start()]:
            break  # an issuer never continues on the next line
        last_end = tm.end()
        if i == 0:
            if bare not in _ISSUER_HEADS:
                return None, pos
        elif bare.lower() == "và" and tokens[:1] in (["Bộ"], ["Sở"]) and tokens[1:2] != ["Chính"]:
            pass  # "Bộ Giáo dục và Đào tạo", but not "Bộ Chính trị và ..."
        elif not bare or not (
            bare[0].isupper() or bare in _ISSUER_GLUE or _ROMAN_RE.fullmatch(bare)
        ):
            break
        if bare[:1].isdigit():
            break
        if bare == "ban" and text.startswith("hành", tm.end() + 1):
            break  # "của Bộ Chính trị ban hành ngày ...": the verb, not "Ủy ban"
        tokens.append(bare)
        end = tm.start() + len(bare)
        if tok != bare:  # sentence-final dot
            break
    while tokens and tokens[-1].lower() in ("và", "của", "khóa", "khoá"):
        tokens.pop()
    if not tokens:
        return None, pos
    name = " ".join(tokens)
    base = _KHOA_TAIL_RE.sub("", name)
    return _ISSUER_CANON.get(fold(base), base if base in _ISSUER_CANON.values() else name), end


def _read_tail(text: str, pos: int, rec: dict[str, Any], reference: DateLike) -> None:
    """Fill issued_on / issuer from the words right after a reference, in either order
    ("ngày 15/5/2016 của Bộ Chính trị", "của Bộ Chính trị ngày 15/5/2016")."""
    tm = _TAIL_DATE_RE.match(text, pos)
    if tm is not None:
        iso, end = date_at(text, tm.end(), reference)
        if iso is not None:
            rec["issued_on"] = iso
            pos = end
    im = _TAIL_ISSUER_RE.match(text, pos)
    if im is not None:
        rec["issuer"], pos = _read_issuer(text, im.end())
        if rec["issued_on"] is None and rec["issuer"] is not None:
            tm = _TAIL_DATE_RE.match(text, pos)
            if tm is not None:
                rec["issued_on"] = date_at(text, tm.end(), reference)[0]
    if rec["year"] is None and rec["issued_on"]:
        rec["year"] = int(rec["issued_on"][:4])


def extract_references(text: Any, reference: DateLike = None) -> list[dict[str, Any]]:
    """Every document reference in ``text``, in order (one record per mention).

    ``reference`` resolves year-less "ngày 8/11" issue dates and picks, among registry
    documents sharing a name ("Luật Đất đai"), the one in force then.  Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _extract(text, reference)
    except Exception:
        return []


def _day(reference: DateLike) -> str | None:
    return reference.isoformat()[:10] if reference is not None else None


def _extract(text: str, reference: DateLike) -> list[dict[str, Any]]:
    work, mapping = nfc_with_offsets(text)
    refs: list[dict[str, Any]] = []
    prev: dict[str, Any] | None = None
    prev_end = -1
    chain: list[dict[str, Any]] = []  # refs joined by list separators ("A, B và C")
    day = _day(reference)
    taken = 0  # the end of a law's number read with its name: not a mention of its own
    for m in _REF_RE.finditer(work):
        if m.start() < taken:
            continue
        rec = _from_match(work, m, prev, prev_end, day)
        if rec is None:
            continue
        if rec["kind"] in _LAW_KINDS and rec["identified_by"] == "number":
            taken = rec["end"]
        if prev is not None and _LIST_SEP_RE.fullmatch(work, prev_end, m.start()) is not None:
            chain.append(rec)
        else:
            chain = [rec]
        if rec["canonical"] and not rec["partial"]:
            tail = _TAIL_NAMED_RE.match(work, rec["end"])
            if tail is not None:
                rec["named_key"] = named_key(rec["kind"], tail.group("named"))[0]
        issuer = rec["issuer"]
        _read_tail(work, rec["end"], rec, reference)
        if rec["issuer"] is not None and rec["issuer"] != issuer:
            # "Chỉ thị 43-CT/TW và Chỉ thị 44-CT/TW của Ban Bí thư": the issuer is shared.
            for earlier in chain[:-1]:
                if earlier["issuer"] is None:
                    earlier["issuer"] = rec["issuer"]
        if refs and _SIDE_BY_SIDE_RE.fullmatch(work, refs[-1]["end"], rec["start"]):
            _pair(refs[-1], rec)
        prev, prev_end = rec, m.end()
        refs.append(rec)
    for rec in refs:
        _finish(rec, day)
        s, e = rec["start"], rec["end"]
        if mapping is not None:
            s, e = mapping[s], mapping[e]
        rec["start"], rec["end"], rec["surface"] = s, e, text[s:e]
        for key in ("canonical", "document_key"):
            if rec[key]:
                rec[key] = unicodedata.normalize("NFC", rec[key])
    return refs


def _pair(a: dict[str, Any], b: dict[str, Any]) -> None:
    """A name and a number written side by side: the name learns the number."""
    named, numbered = (a, b) if b["canonical"] and not a["canonical"] else (b, a)
    if named["canonical"] or not numbered["canonical"] or numbered["partial"]:
        return
    if named["named_key"] is None or named["identified_by"] == "registry":
        return
    named["canonical"] = numbered["canonical"]
    named["identified_by"] = "learned"
    for key in ("number", "year", "type_code", "issuer_code"):
        named[key] = numbered[key]
    numbered["named_key"] = numbered["named_key"] or named["named_key"]


def _apply_entry(rec: dict[str, Any], entry: Entry) -> None:
    rec["title"] = entry.title
    rec["named_key"] = entry.named_key or rec["named_key"]
    rec["issued_on"] = rec["issued_on"] or entry.date
    rec["issuer"] = rec["issuer"] or entry.issuer
    if entry.number and not rec["canonical"]:
        parsed = _parse_code(entry.number) or {}
        for key in ("number", "year", "type_code", "issuer_code", "canonical"):
            rec[key] = parsed.get(key)
    rec["year"] = rec["year"] or entry.year


def _matches_entry(rec: dict[str, Any], entry: Entry, day: str | None) -> bool:
    """A number cited with another year, or before the registry's document was issued,
    is an earlier term's document under the same number (Party numbers restart); so is
    one written beside another plenum's name."""
    if rec["year"] is not None and rec["year"] != entry.year:
        return False
    if rec["named_key"] and entry.named_key and fold(rec["named_key"]) != fold(entry.named_key):
        return False  # "Trung ương 9 khóa X (Nghị quyết số 27-NQ/TW)": not khóa XII's 27
    return day is None or day >= entry.date


def _finish(rec: dict[str, Any], day: str | None) -> None:
    """Registry look-up, ``document_key`` and ``reason`` once a record is complete."""
    if rec["canonical"] and rec["identified_by"] is None and not rec["partial"]:
        rec["identified_by"] = "number"
    if rec["canonical"] and rec["title"] is None:
        entry = REGISTRY.by_number.get(rec["canonical"])
        if entry is not None and _matches_entry(rec, entry, day):
            _apply_entry(rec, entry)
    rec["document_key"] = rec["canonical"] or rec["named_key"]
    if rec["canonical"]:
        rec["reason"] = None
    elif rec["reason"] is None and rec["identified_by"] == "registry":
        rec["reason"] = "registry: the document has no number"
    elif rec["reason"] is None and rec["identified_by"] == "name-only":
        rec["reason"] = "name-only: not in the registry"
    elif rec["reason"] is None and rec["partial"]:
        rec["reason"] = "partial: no full reference in the article or the registry"


def _topic(work: str, pos: int) -> tuple[list[str], list[int]]:
    """The folded words after ``pos`` and where each ends (a theme's candidate title)."""
    found, ends = [], []
    for wm in _WORD_RE.finditer(work, pos, min(len(work), pos + 400)):
        found.append(fold(wm.group()))
        ends.append(wm.end())
    return found, ends


def _resolve_name(rec: dict[str, Any], work: str, day: str | None, law_name: str | None) -> None:
    """Name -> registry entry: unique, or picked by the theme after it, or by date."""
    key = rec["named_key"]
    candidates = REGISTRY.by_name.get(fold(key), []) if key else []
    if not candidates and law_name is not None:
        # A law's name without its year ("Luật Đất đai"); with a year the key said it all.
        if rec["year"] is None:
            named = _LAWS_BY_NAME.get(fold(f"{rec['kind']} {law_name}"), [])
            candidates = latest_before(named, day)
    if fold(key or "") in REGISTRY.themed or len(candidates) > 1:
        after = _THEME_AFTER_RE.match(work, rec["end"])
        if after is None:
            if len(candidates) > 1:
                numbers = ", ".join(e.key for e in candidates)
                rec["reason"] = f"name-only: ambiguous in the registry ({numbers})"
            return
        chosen, _ = REGISTRY.by_theme(candidates, _topic(work, after.end())[0], day)
        candidates = chosen
    if len(candidates) != 1:
        return
    _apply_entry(rec, candidates[0])
    rec["identified_by"] = "registry"


def _from_match(
    work: str, m: re.Match[str], prev: dict[str, Any] | None, prev_end: int, day: str | None
) -> dict[str, Any] | None:
    s, e = m.span()
    surface = work[s:e]
    if m.group("law"):
        return _from_law(work, m, day)
    kind_word = m.group("kind")
    code = m.group("code") or m.group("bare")
    if code is not None:
        parsed = _parse_code(code)
        if parsed is None:
            return None
        if parsed.get("solo") and not _SOLO_RE.fullmatch(parsed["issuer_code"]):
            # "5/F3", "0/A": only letter codes such as "64/CP" stand on their own; the
            # same rule with and without a kind word keeps canonicals re-parseable.
            return None
        if kind_word is not None:
            kind = _kind_from_word(kind_word)
            if kind in _GENERIC_KINDS and parsed["kind"] and parsed["style"] == "party":
                kind = parsed["kind"]
        elif (
            prev is not None
            and prev["type_code"] == parsed["type_code"]
            and _LIST_SEP_RE.fullmatch(work, prev_end, s)
        ):
            kind = prev["kind"]  # "Quyết định số 99-QĐ/TW, 100-QĐ/TW" keeps its word
        else:
            kind = parsed["kind"] or "Văn bản"
        rec = _new(surface, s, e, kind)
        for key in ("number", "year", "type_code", "issuer_code", "canonical"):
            rec[key] = parsed[key]
        return rec
    kind = _kind_from_word(kind_word)
    if m.group("theme") is not None:
        return _from_theme(work, m, kind, day)
    if m.group("named"):
        if kind not in ("Nghị quyết", "Kết luận", "Chỉ thị", "Văn kiện"):
            return None
        key, reason = named_key(kind, m.group("named"))
        if kind == "Văn kiện" and "Đại hội" not in m.group("named"):
            return None
        rec = _new(surface, s, e, kind)
        rec["named_key"], rec["reason"], rec["identified_by"] = key, reason, "name-only"
        _resolve_name(rec, work, day, None)
        return rec
    # Partial: kind word + bare number.
    num = m.group("num")
    has_so = m.group("so") is not None
    if not has_so:
        if kind in _NEEDS_SO or not kind_word[0].isupper():
            return None
        if len(num) == 4 and num[:2] in ("19", "20"):
            return None  # "Luật 2013", "Kế hoạch 2020": years, not numbers
    rec = _new(surface, s, e, kind)
    rec["number"] = int(num)
    tail = _LIST_TAIL_RE.match(work, e)
    if tail is not None:
        typ, iss = tail.group("type"), tail.group("iss")
        rec["type_code"], rec["issuer_code"] = typ, iss
        rec["canonical"] = f"{num}-{typ}/{iss}"
    else:
        rec["partial"] = True
    return rec


def _from_law(work: str, m: re.Match[str], day: str | None) -> dict[str, Any] | None:
    """ "Luật Báo chí 2016", "Bộ luật Hình sự", "Hiến pháp năm 2013"."""
    kind = _kind_from_word(m.group("lawkind"))
    law = m.group("law")
    if not (m.group("lawkind")[0].isupper() or law[0].isupper()):
        return None  # "luật đất đai" in running text: the word, not a citation
    key, name, year = _law_key(kind, law)
    if key is None:
        return None
    s, e = m.span()
    rec = _new(work[s:e], s, e, kind)
    rec["named_key"], rec["identified_by"] = key, "name-only"
    rec["year"] = int(year) if year else None
    number = _LAW_NUMBER_RE.match(work, e)
    parsed = _parse_code(number.group("code")) if number else None
    if parsed is not None and parsed["style"] == "state" and parsed["year"]:
        e = number.end()
        rec.update(surface=work[s:e], end=e, identified_by="number")
        for k in ("number", "year", "type_code", "issuer_code", "canonical"):
            rec[k] = parsed[k]
        return rec
    _resolve_name(rec, work, day, name)
    return rec


def _from_theme(work: str, m: re.Match[str], kind: str, day: str | None) -> dict[str, Any] | None:
    """A document cited by the words of its title, found in the registry."""
    if not m.group("kind")[0].isupper():
        return None
    topic, ends = _topic(work, m.end())
    chosen, n = REGISTRY.by_theme(REGISTRY.by_kind.get(kind, []), topic, day)
    if len(chosen) != 1:
        return None
    s = m.start()
    rec = _new(work[s : ends[n - 1]], s, ends[n - 1], kind)
    _apply_entry(rec, chosen[0])
    rec["identified_by"] = "registry"
    issuer = re.search(r"của\s+(.+?)\s+(?:\(|khóa|khoá|về)", m.group("theme"))
    if issuer is not None:
        rec["issuer"] = _read_issuer(issuer.group(1), 0)[0] or rec["issuer"]
    return rec


def link_partial_references(
    refs: list[dict[str, Any]], reference: DateLike = None
) -> list[dict[str, Any]]:
    """Resolve partial references ("Chỉ thị 05") and names written alone.

    A partial reference takes the full one with the same kind and number in ``refs``
    (the article), else the registry's, when only one document fits; otherwise it stays
    partial and ``reason`` says why. A name written alone takes the number written beside
    the same name elsewhere in ``refs``. Returns new dicts; the input is not modified.
    """
    full: dict[tuple[str, int], dict[str, dict[str, Any]]] = {}
    learned: dict[str, dict[str, Any]] = {}
    for r in refs:
        if r.get("canonical") and r.get("number") is not None and not r.get("partial"):
            full.setdefault((r["kind"], r["number"]), {}).setdefault(r["canonical"], r)
        if r.get("canonical") and r.get("named_key"):
            learned.setdefault(fold(r["named_key"]), r)
    day = _day(reference)
    out = []
    for r in refs:
        r2 = dict(r)
        out.append(r2)
        if not r2.get("canonical") and r2.get("named_key"):
            src = learned.get(fold(r2["named_key"]))
            if src is not None:
                _take(r2, src, "learned")
            continue
        if r2.get("canonical") or r2.get("number") is None or not r2.get("partial"):
            continue
        found = full.get((r2["kind"], r2["number"]), {})
        if len(found) == 1:
            _take(r2, next(iter(found.values())), "article")
            continue
        if len(found) > 1:
            r2["reason"] = "partial: ambiguous in the article (" + ", ".join(found) + ")"
            continue
        entries = REGISTRY.by_kind_number.get((r2["kind"], r2["number"]), [])
        in_force = [e for e in entries if day is None or e.date <= day]
        if len(in_force) == 1:
            _apply_entry(r2, in_force[0])
            r2["identified_by"], r2["reason"] = "registry", None
            r2["document_key"] = r2["canonical"]
        elif len(in_force) > 1:
            numbers = ", ".join(e.key for e in in_force)
            r2["reason"] = f"partial: ambiguous in the registry ({numbers})"
    return out


def _take(r2: dict[str, Any], src: dict[str, Any], how: str) -> None:
    for key in ("canonical", "type_code", "issuer_code", "title", "named_key"):
        r2[key] = src.get(key) if r2.get(key) is None or key == "canonical" else r2[key]
    for key in ("year", "issuer", "issued_on", "number"):
        if r2.get(key) is None:
            r2[key] = src.get(key)
    r2["identified_by"], r2["reason"] = how, None
    r2["document_key"] = r2["canonical"]


def _named_form_key(form: str) -> str | None:
    """The grammar's named key of a registry form (before the registry exists)."""
    for m in _REF_RE.finditer(form):
        if m.group("law"):
            return _law_key(_kind_from_word(m.group("lawkind")), m.group("law"))[0]
        if m.group("named"):
            return named_key(_kind_from_word(m.group("kind")), m.group("named"))[0]
    return None


_KNOWN_LAW_BY_FOLD = {fold(n): n for n in _LAW_NAMES}
REGISTRY = Registry(_REGISTRY_RAW, _named_form_key)
# Law names without their year: "Luật Đất đai" is the land law in force at the time.
_LAWS_BY_NAME: dict[str, list[Entry]] = {}
for _entry in REGISTRY.entries:
    if _entry.kind in ("Luật", "Bộ luật") and _entry.named_key:
        _base = _LAW_FORM_RE.fullmatch(_entry.named_key)
        if _base is not None:
            _LAWS_BY_NAME.setdefault(fold(f"{_entry.kind} {_base.group(1)}"), []).append(_entry)
