"""Extraction of Party and State document references.

Party style:  ``208-QĐ/TW``, ``08-NQ/TU``, ``HD/BTGTW`` (number-TYPE/ISSUER)
State style:  ``439/QĐ-TTg``, ``15/2020/NĐ-CP``, ``24/2018/QH14``, ``123/UBND-VX``

Every record has the keys of :data:`REF_KEYS`; ``text[start:end] == surface`` always
holds (offsets refer to the caller's original string, even for NFD input).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .dates import DateLike, date_at
from .text import fold, nfc_with_offsets, strip_accents

__all__ = ["REF_KEYS", "extract_references", "link_partial_references"]

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
)

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
)
# Phrases that name a more specific kind than the one we report.
_KIND_ALIASES = {
    "Thông báo kết luận": "Thông báo",
    "Chương trình hành động": "Chương trình",
}
_KIND_BY_FOLD = {fold(k): _KIND_ALIASES.get(k, k) for k in _KIND_WORDS}
# A bare number after these words is only a reference when "số" is written.
_NEEDS_SO = {"Luật", "Bộ luật", "Báo cáo", "Tờ trình", "Quy chế", "Pháp lệnh", "Sắc lệnh"}
_NEEDS_SO |= {"Điều lệ", "Văn bản", "Kế hoạch", "Công điện", "Thông tri"}

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


_KIND_RE_SRC = _trie_regex(sorted({v for k in _KIND_WORDS for v in _case_variants(k)}))

_U = "A-ZĐƯƠÔÂĂÊ"
_PARTY_CODE = (
    rf"\d{{1,4}}\s?[-–]\s?[{_U}][{_U}a-z]{{0,4}}\s?/\s?[{_U}][{_U}a-z0-9]{{0,11}}"
    rf"(?:-[{_U}][{_U}0-9]{{0,8}})?"
)
_PARTY_NONUM = rf"(?:HD|KH|CV|TB|BC|QĐ|NQ|CT|KL|ĐA|CTr|TTr|QC)/[{_U}][{_U}0-9]{{1,11}}"
_STATE_CODE = rf"\d{{1,5}}(?:/(?:19|20)\d{{2}})?/[{_U}][{_U}a-z0-9]*(?:[-.][{_U}][{_U}a-z0-9]*)*"
_CODE = rf"(?:{_PARTY_CODE}|{_STATE_CODE}|{_PARTY_NONUM})(?![\w])(?!\.\w)"

_UNITS = (
    r"%|năm(?!\s+(?:19|20)\d\d)|tháng|ngày(?!\s+\d)|tuần|giờ|phút|người|tỷ|triệu|nghìn|"
    r"ngàn|km|ha|lần|đồng|hộ|xã|huyện|tỉnh|nội\s+dung|điểm|mục|điều|khoản|chương|nhóm|"
    r"lĩnh\s+vực|giải\s+pháp|nhiệm\s+vụ|đơn\s+vị|cơ\s+sở|đảng\s+viên|cán\s+bộ|tập\s+thể|"
    r"cá\s+nhân|học\s+sinh|trường|công\s+trình"
)
_NAMED = (
    r"(?:Hội\s+nghị\s+(?:lần\s+thứ\s+(?:\d{1,2}|[^\W\d]+)\s+)?(?:Ban\s+Chấp\s+hành\s+)?"
    r"Trung\s+ương(?:\s+Đảng)?(?:\s+(?:lần\s+thứ\s+)?(?:\d{1,2}|[IVXL]+)(?![\w]))?"
    r"|(?:Ban\s+Chấp\s+hành\s+)?Trung\s+ương\s+(?:lần\s+thứ\s+)?(?:\d{1,2}|[IVXL]+)(?![\w]))"
    r"(?:\s*\(\s*(?i:khóa|khoá)\s+[IVXL]+\s*\)|\s*,?\s*(?i:khóa|khoá)\s+[IVXL]+(?![\w]))?"
    r"|Đại\s+hội\s+(?:[^\W\d]+\s+){0,9}?(?:lần\s+thứ\s+)?[IVXL]+(?![\w])"
    r"(?:\s+của\s+Đảng)?(?:\s*,?\s*nhiệm\s+kỳ\s+\d{4}\s*[-–]\s*\d{4})?"
)

_REF_RE = re.compile(
    rf"(?<!\w)(?P<kind>{_KIND_RE_SRC})(?:\s+(?i:liên\s+tịch|liên\s+bộ))?"
    rf"(?:\s+(?P<so>(?i:s[ốoóồ]))\s*[:.]?\s*|\s*:\s*|\s+)"
    rf"(?:(?P<code>{_CODE})"
    rf"|(?P<num>\d{{1,5}})(?![\d/]|[.,]\d|\s?[-–]\s?[\d{_U}])(?!\s*(?i:{_UNITS})(?![\w]))"
    rf"|(?P<named>{_NAMED}))"
    rf"|(?<![\w/.\-–])(?P<bare>{_CODE})"
)

_PARTY_PARSE_RE = re.compile(rf"(\d{{1,4}})-([{_U}][{_U}a-z]{{0,4}})/(.+)")
_NONUM_PARSE_RE = re.compile(rf"([{_U}][{_U}a-z]{{0,4}})/(.+)")
_STATE_PARSE_RE = re.compile(r"(\d{1,5})(?:/(\d{4}))?/(.+)")
_SOLO_RE = re.compile(rf"[{_U}][{_U}]+|TTg|(?:UBTV)?QH\d{{1,2}}")
_QH_RE = re.compile(r"(UBTV)?QH\d{0,2}")

# "Nghị quyết số 18, 19-NQ/TW": a bare number borrowing the code that follows it.
_LIST_TAIL_RE = re.compile(
    rf"(?:\s*(?:,|;|và)\s*\d{{1,4}})*\s*(?:,|;|và)\s*\d{{1,4}}\s?[-–]\s?"
    rf"(?P<type>[{_U}][{_U}a-z]{{0,4}})\s?/\s?(?P<iss>[{_U}][{_U}a-z0-9]{{0,11}})(?![\w])"
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
    return {
        "surface": surface,
        "start": start,
        "end": end,
        "kind": kind,
        "number": None,
        "year": None,
        "type_code": None,
        "issuer_code": None,
        "canonical": None,
        "issued_on": None,
        "issuer": None,
    }


def _kind_from_word(word: str) -> str:
    return _KIND_BY_FOLD.get(fold(word), word)


def _parse_code(code: str) -> dict[str, Any] | None:
    """Split a code surface into number/year/type/issuer/canonical (None if rejected)."""
    c = re.sub(r"\s+", "", code).replace("–", "-")
    m = _PARTY_PARSE_RE.fullmatch(c)
    if m:
        num, typ, iss = m.groups()
        return {
            "style": "party",
            "number": int(num),
            "year": None,
            "type_code": typ,
            "issuer_code": iss,
            "canonical": c,
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


def _read_issuer(text: str, pos: int) -> str | None:
    tokens: list[str] = []
    last_end = pos
    for i, tm in enumerate(_TOKEN_RE.finditer(text, pos, min(len(text), pos + 160))):
        tok = tm.group()
        bare = tok.rstrip(".")
        if "\n" in text[last_end : tm.start()]:
            break  # an issuer never continues on the next line
        last_end = tm.end()
        if i == 0:
            if bare not in _ISSUER_HEADS:
                return None
        elif bare.lower() == "và" and tokens[:1] in (["Bộ"], ["Sở"]) and tokens[1:2] != ["Chính"]:
            pass  # "Bộ Giáo dục và Đào tạo", but not "Bộ Chính trị và ..."
        elif not bare or not (
            bare[0].isupper() or bare in _ISSUER_GLUE or _ROMAN_RE.fullmatch(bare)
        ):
            break
        if bare[:1].isdigit():
            break
        tokens.append(bare)
        if tok != bare:  # sentence-final dot
            break
    while tokens and tokens[-1].lower() in ("và", "của", "khóa", "khoá"):
        tokens.pop()
    if not tokens:
        return None
    name = " ".join(tokens)
    base = _KHOA_TAIL_RE.sub("", name)
    return _ISSUER_CANON.get(fold(base), base if base in _ISSUER_CANON.values() else name)


def _read_tail(text: str, pos: int, rec: dict[str, Any], reference: DateLike) -> None:
    """Fill issued_on / issuer from the words right after a reference."""
    tm = _TAIL_DATE_RE.match(text, pos)
    if tm is not None:
        iso, end = date_at(text, tm.end(), reference)
        if iso is not None:
            rec["issued_on"] = iso
            pos = end
    im = _TAIL_ISSUER_RE.match(text, pos)
    if im is not None:
        rec["issuer"] = _read_issuer(text, im.end())
    if rec["year"] is None and rec["issued_on"]:
        rec["year"] = int(rec["issued_on"][:4])


def extract_references(text: Any, reference: DateLike = None) -> list[dict[str, Any]]:
    """Every document reference in ``text``, in order (one record per mention).

    ``reference`` resolves year-less "ngày 8/11" issue dates.  Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _extract(text, reference)
    except Exception:
        return []


def _extract(text: str, reference: DateLike) -> list[dict[str, Any]]:
    work, mapping = nfc_with_offsets(text)
    refs: list[dict[str, Any]] = []
    prev: dict[str, Any] | None = None
    prev_end = -1
    chain: list[dict[str, Any]] = []  # refs joined by list separators ("A, B và C")
    for m in _REF_RE.finditer(work):
        rec = _from_match(work, m, prev, prev_end)
        if rec is None:
            continue
        if prev is not None and _LIST_SEP_RE.fullmatch(work, prev_end, m.start()) is not None:
            chain.append(rec)
        else:
            chain = [rec]
        _read_tail(work, m.end(), rec, reference)
        if rec["issuer"] is not None:
            # "Chỉ thị 43-CT/TW và Chỉ thị 44-CT/TW của Ban Bí thư": the issuer is shared.
            for earlier in chain[:-1]:
                if earlier["issuer"] is None:
                    earlier["issuer"] = rec["issuer"]
        prev, prev_end = rec, m.end()
        s, e = rec["start"], rec["end"]
        if mapping is not None:
            s, e = mapping[s], mapping[e]
        rec["start"], rec["end"], rec["surface"] = s, e, text[s:e]
        rec["canonical"] = (
            unicodedata.normalize("NFC", rec["canonical"]) if rec["canonical"] else None
        )
        refs.append(rec)
    return refs


def _from_match(
    work: str, m: re.Match[str], prev: dict[str, Any] | None, prev_end: int
) -> dict[str, Any] | None:
    s, e = m.span()
    surface = work[s:e]
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
    if m.group("named"):
        if kind not in ("Nghị quyết", "Kết luận", "Chỉ thị"):
            return None
        return _new(surface, s, e, kind)
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
    return rec


def link_partial_references(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fill partial references ("Chỉ thị 05") from a full one with the same kind and number.

    Returns new dicts; the input list is not modified.  When several full references
    share kind and number, the first one in the list wins.
    """
    full: dict[tuple[str, int], dict[str, Any]] = {}
    for r in refs:
        if r.get("canonical") and r.get("number") is not None:
            full.setdefault((r["kind"], r["number"]), r)
    out = []
    for r in refs:
        r2 = dict(r)
        if not r2.get("canonical") and r2.get("number") is not None:
            src = full.get((r2["kind"], r2["number"]))
            if src is not None:
                for key in ("canonical", "type_code", "issuer_code"):
                    r2[key] = src[key]
                if r2.get("year") is None:
                    r2["year"] = src.get("year")
                if r2.get("issuer") is None:
                    r2["issuer"] = src.get("issuer")
                if r2.get("issued_on") is None:
                    r2["issued_on"] = src.get("issued_on")
        out.append(r2)
    return out
