"""Byline parsing: who wrote an article, and for which organisation.

Roles are exactly two strings: ``"author"`` (a person, or a newsroom placeholder
such as PV/CTV) and ``"organization"`` (a body, or a "Theo ..."/"Nguồn: ..." source).
"""

from __future__ import annotations

import re
from typing import Any

from .text import author_key, clean_text, fix_d, fold, strip_accents, title_case

__all__ = ["parse_byline"]

AUTHOR = "author"
ORGANIZATION = "organization"

_MAX_LINE = 80

# "Bài, ảnh:", "Bài và ảnh:", "Tin:", "Ảnh:", "Thực hiện:" ... (the colon is required).
_LABEL_WORD = (
    r"(?:bài|tin|ảnh|video|clip|thực\s+hiện|nhóm\s+thực\s+hiện|tác\s+giả|đồ\s+h[oọ]ạ?|"
    r"infographic|ghi\s+chép|ghi|biên\s+tập|tổng\s+hợp|lược\s+dịch|dịch|trình\s+bày|"
    r"người\s+viết|phóng\s+sự|thiết\s+kế|kỹ\s+thuật|ảnh\s+minh\s+họa)"
)
_LABEL_RE = re.compile(
    rf"^\s*{_LABEL_WORD}(?:\s*(?:[,&/+]|và)\s*{_LABEL_WORD})*\s*[:：]\s*", re.IGNORECASE
)
_SOURCE_RE = re.compile(r"^\(?\s*(?:theo|nguồn)\s*[:：]?\s+(?P<src>.+?)\s*\)?\s*$", re.IGNORECASE)

# Titles and honorifics removed in front of a person's name.
_ABBR_TITLES = (
    "PGS",
    "GS",
    "TSKH",
    "TS",
    "ThS",
    "THS",
    "BS",
    "BSCKII",
    "BSCKI",
    "CKII",
    "CKI",
    "KS",
    "LS",
    "NSND",
    "NSƯT",
    "NGND",
    "NGƯT",
    "NNƯT",
    "NNND",
    "Đ/c",
    "đ/c",
    "Đ/C",
)
_WORD_TITLES = (
    "đại tá",
    "thượng tá",
    "trung tá",
    "thiếu tá",
    "đại úy",
    "đại uý",
    "thượng úy",
    "thượng uý",
    "trung úy",
    "trung uý",
    "thiếu úy",
    "thiếu uý",
    "thiếu tướng",
    "trung tướng",
    "thượng tướng",
    "đại tướng",
    "nhà báo",
    "nhà văn",
    "nhà thơ",
    "nhà giáo",
    "nghệ sĩ nhân dân",
    "nghệ sĩ ưu tú",
    "đồng chí",
    "thạc sĩ",
    "thạc sỹ",
    "tiến sĩ",
    "tiến sỹ",
    "giáo sư",
    "phó giáo sư",
    "luật sư",
    "bác sĩ",
    "bác sỹ",
    "kỹ sư",
    "cử nhân",
    "cựu chiến binh",
)
_TITLE_RE = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(t) for t in sorted(_ABBR_TITLES, key=len, reverse=True))
    + r")(?:\s*[.,-]\s*|\s+)"
    + r"|(?i:"
    + "|".join(
        re.escape(t).replace(r"\ ", r"\s+") for t in sorted(_WORD_TITLES, key=len, reverse=True)
    )
    + r")(?:\s*[.,:]\s*|\s+))+"
)

# Newsroom placeholders kept as authors under a fixed abbreviation.
_PLACEHOLDERS = {
    "pv": "PV",
    "phong vien": "PV",
    "nhom pv": "Nhóm PV",
    "nhom phong vien": "Nhóm PV",
    "ctv": "CTV",
    "cong tac vien": "CTV",
    "nhom ctv": "Nhóm CTV",
    "btv": "BTV",
    "bien tap vien": "BTV",
    "ptv": "PTV",
    "nhom pv-ctv": "Nhóm PV",
    "pv-ctv": "PV",
}
_PLACEHOLDER_CODE_RE = re.compile(r"^(?:PV|CTV|BTV|PTV)\d{0,3}$")


# Organisation heads, matched by author key: case and tone placement are free (Toà án is
# Tòa án), other accents matter (Đài is not Đại).
_ORG_HEADS = tuple(
    author_key(w)
    for w in (
        "Ban",
        "Báo",
        "Đài",
        "Trung tâm",
        "Tạp chí",
        "Hội",
        "Huyện ủy",
        "Huyện uỷ",
        "Thành ủy",
        "Tỉnh ủy",
        "Đảng ủy",
        "Đảng bộ",
        "Sở",
        "Bộ",
        "UBND",
        "HĐND",
        "MTTQ",
        "Ủy ban",
        "Uỷ ban",
        "Phòng",
        "Cổng",
        "Văn phòng",
        "Thông tấn xã",
        "TTXVN",
        "VOV",
        "VTV",
        "VNA",
        "Công an",
        "Bộ Chỉ huy",
        "Bộ đội",
        "Mặt trận",
        "Liên đoàn",
        "Đoàn",
        "Hội đồng",
        "Cục",
        "Viện",
        "Trường",
        "Học viện",
        "Tổng cục",
        "Chi cục",
        "Nhà xuất bản",
        "NXB",
        "Cơ quan",
        "Tổng công ty",
        "Công ty",
        "Bệnh viện",
        "Kho bạc",
        "Ngân hàng",
        "Chi bộ",
        "Quân khu",
        "Bộ tư lệnh",
        "Tòa án",
        "Viện kiểm sát",
        "Thanh tra",
        "Cổng thông tin",
        "Trang thông tin",
        "Tuổi trẻ",
        "Nhân dân",
        "Quân đội nhân dân",
        "Vietnamplus",
        "BTG",
        "BTGTU",
        "BTGTW",
    )
)
_ORG_CONTAINS_RE = re.compile(r"(?:^|\s)(?:ủy|uỷ|ủy ban|uỷ ban)(?:\s|$)", re.IGNORECASE)
_ORG_SUFFIX_RE = re.compile(r"\.(?:vn|com|net|org|gov\.vn)\b", re.IGNORECASE)

_ACRONYMS = {
    "UBND",
    "HĐND",
    "MTTQ",
    "TTXVN",
    "VOV",
    "VTV",
    "TW",
    "TƯ",
    "VN",
    "BTG",
    "CAND",
    "QĐND",
    "THPT",
    "THCS",
    "TP",
    "TP.HCM",
    "HCM",
    "CP",
    "NXB",
    "ĐH",
    "KH",
    "CNTT",
}

_SPLIT_RE = re.compile(r"\s*(?:[;,/|]|\s[-–—]\s|[-–—](?=\s*[A-ZĐ]))\s*")
_AND_RE = re.compile(r"\s+(?:và|&)\s+", re.IGNORECASE)
_PAREN_RE = re.compile(r"\(([^()]*)\)")
_NOTE_RE = re.compile(
    r"^(?:tổng\s+hợp|lược\s+dịch|dịch|biên\s+dịch|thực\s+hiện|ghi|ghi\s+chép|st|sưu\s+tầm|"
    r"tổng\s+hợp\s+từ\s+.*|lược\s+trích|trích|biên\s+soạn|chủ\s+biên)\.?$",
    re.IGNORECASE,
)
_DC_RE = re.compile(r"(?<![^\W\d_])[ĐđDd]/[cC]\.?(?=\s)")
_NAME_WORD_RE = re.compile(r"^[^\W\d_]+\.?$")
_DIGIT_RE = re.compile(r"\d")


def _is_upper_word(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _person_name(segment: str) -> str | None:
    """Return the title-cased name if ``segment`` looks like a person's name."""
    words = segment.split()
    if not 1 <= len(words) <= 6 or len(segment) > 45:
        return None
    if not all(_NAME_WORD_RE.match(w) for w in words):
        return None
    caps = [w[0].isupper() for w in words]
    all_lower = segment == segment.lower()
    # Names are written all capitalised, all-caps, or (sloppily) all lower-case; a mix
    # with lower-case syllables is ordinary prose ("Thể thao và Du lịch").
    if not (all(caps) or all_lower):
        return None
    if len(words) == 1 and len(words[0]) <= 1:
        return None
    return " ".join(title_case(w) if not w.endswith(".") else w.upper() for w in words)


def _org_name(segment: str) -> str:
    """Organisation names keep their casing unless written all-caps."""
    words = segment.split()
    letters = [c for c in segment if c.isalpha()]
    if len(words) > 1 and letters and all(c.isupper() for c in letters):
        out = []
        for w in words:
            if w in _ACRONYMS or not re.search("[AEIOUY]", strip_accents(w)):
                out.append(w)  # acronyms (UBND, HĐND) stay upper-case
            else:
                out.append(title_case(w))
        return " ".join(out)
    return " ".join(words)


def _is_org(segment: str) -> bool:
    f = author_key(segment)
    if not f:
        return False
    words = segment.split()
    if f.startswith("đoàn ") and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return False  # Đoàn is a common surname: "Đoàn Minh Huấn" is a person
    for head in _ORG_HEADS:
        if f == head or f.startswith(head + " "):
            return True
    if _ORG_CONTAINS_RE.search(segment) and len(segment.split()) >= 2:
        return True
    if _ORG_SUFFIX_RE.search(segment):
        return True
    words = segment.split()
    # Bare acronyms (TTXVN, VOV, QĐND) are outlets.
    return len(words) == 1 and len(words[0]) >= 3 and _is_upper_word(words[0])


# Lower-case syllables that are normal inside organisation names; any other lower-case
# words (verbs, prepositions) mean the line is a headline or a sentence.
_ORG_VOCAB = set(
    """
    tuyên giáo tâm chí trị tỉnh huyện thành phố thị xã phường ủy uỷ ban nhân dân phòng trận
    quốc niên hội đồng sự vụ chỉ huy an viện học trường tổng cục công ty phát thanh truyền
    hình thông tấn tin điện tử hành chính bảo hiểm nông cựu chiến binh phụ nữ lao động liên
    đoàn kiểm tra nội vận tổ chức văn hóa hoá thể thao du lịch dục đào tạo y tế tài nguyên
    môi trường kế hoạch đầu tư khoa công nghệ nghiệp ngoại giao quân biên khu đảng bộ gia
    thường trực ương trung cộng sản đời sống báo chí xuất bản kinh doanh tế và thương mại
    lực lượng vũ trang cảnh sát sát nhân thanh niên mặt tổ quốc tư pháp tòa án phát triển
    nông thôn đô thị xây dựng giao thông vận tải ngân hàng kho bạc thuế hải quan cấp tỉnh
    cơ quan đại diện thường vụ
    """.split()
)


def _plausible_org(segment: str) -> bool:
    """Reject headline-like text that merely starts with an org word ("Hội nghị ...")."""
    words = segment.split()
    if len(words) > 12:
        return False
    foreign = [w for w in words[1:] if w[:1].islower() and w.strip(",.") not in _ORG_VOCAB]
    return len(foreign) <= 1


def _placeholder(segment: str) -> str | None:
    f = fold(segment).replace(" - ", "-")
    if f in _PLACEHOLDERS:
        return _PLACEHOLDERS[f]
    if _PLACEHOLDER_CODE_RE.match(segment.upper()) and segment.upper() == segment:
        return segment.upper()
    return None


def _strip_titles(segment: str) -> str:
    prev = None
    seg = segment.strip(" .,:;-–—*")
    while prev != seg:
        prev = seg
        seg = _TITLE_RE.sub("", seg).strip(" .,:;-–—*")
    return seg


def _line_rejected(line: str) -> bool:
    if len(line) > _MAX_LINE:
        return True
    if _DIGIT_RE.search(line):
        # Digits only allowed in newsroom codes such as "PV1".
        stripped = re.sub(r"\b(?:PV|CTV|BTV|PTV)\d{1,3}\b", "", line)
        if _DIGIT_RE.search(stripped):
            return True
    words = line.split()
    if line.rstrip().endswith(".") and len(words) > 6:
        return True
    return line.rstrip().endswith(("?", "!", "…")) and len(words) > 3


def _segments(line: str) -> list[tuple[str, str | None]]:
    """Split a byline line into (segment, forced_role) pieces in text order."""
    out: list[tuple[str, str | None]] = []
    src = _SOURCE_RE.match(line)
    if src:
        for piece in _SPLIT_RE.split(src.group("src")):
            out.append((piece, ORGANIZATION))
        return out
    line = _LABEL_RE.sub("", line)
    line = _DC_RE.sub(" ", line)  # "Đ/c" would otherwise be split on its slash
    # Pull parenthesised parts out, keeping their position after the main text.
    inner: list[str] = _PAREN_RE.findall(line)
    main = _PAREN_RE.sub(" ", line)
    main = main.replace("(", " ").replace(")", " ")
    pieces = [p for p in _SPLIT_RE.split(main) if p and p.strip()]
    # Re-join pieces of an organisation split on a comma ("Sở Văn hóa, Thể thao và Du lịch").
    merged: list[str] = []
    for p in pieces:
        p = p.strip()
        if (
            merged
            and _is_org(merged[-1])
            and not _is_org(p)
            and _placeholder(p) is None
            and _person_name(_strip_titles(p)) is None
        ):
            merged[-1] = f"{merged[-1]}, {p}"
        else:
            merged.append(p)
    for p in merged:
        if _is_org(p):
            out.append((p, None))
        else:
            out.extend((q, None) for q in _AND_RE.split(p))
    for part in inner:
        part = part.strip()
        if not part or _NOTE_RE.match(part):
            continue
        src = _SOURCE_RE.match(part)
        if src:
            out.append((src.group("src"), ORGANIZATION))
        elif _is_org(part):
            out.append((part, None))
        else:
            out.extend((q, None) for q in _SPLIT_RE.split(part))
    return out


def parse_byline(text: Any) -> list[dict[str, str]]:
    """Parse a byline block into ``[{"name", "role"}]`` in text order, deduplicated.

    Returns ``[]`` for text that does not look like a byline (long, sentence-like,
    or carrying digits).
    """
    try:
        return _parse_byline(text)
    except Exception:
        return []


def _parse_byline(text: Any) -> list[dict[str, str]]:
    if not isinstance(text, str):
        return []
    cleaned = fix_d(clean_text(text))
    if not cleaned:
        return []
    result: list[dict[str, str]] = []
    seen: set[str] = set()
    for raw_line in cleaned.split("\n"):
        line = raw_line.strip()
        if not line or _line_rejected(line):
            continue
        for seg, forced in _segments(line):
            seg = seg.strip(" .,:;-–—*\"'“”")
            if not seg:
                continue
            entry = _classify(seg, forced)
            if entry is None:
                continue
            key = author_key(entry["name"])
            if key in seen:
                continue
            seen.add(key)
            result.append(entry)
    return result


def _classify(seg: str, forced: str | None) -> dict[str, str] | None:
    if forced == ORGANIZATION:
        name = _org_name(seg) if _is_org(seg) else _source_name(seg)
        return {"name": name, "role": ORGANIZATION} if name else None
    ph = _placeholder(seg)
    if ph:
        return {"name": ph, "role": AUTHOR}
    if _is_org(seg):
        if not _plausible_org(seg):
            return None
        return {"name": _org_name(seg), "role": ORGANIZATION}
    name = _person_name(_strip_titles(seg))
    if name is None:
        return None
    return {"name": name, "role": AUTHOR}


def _source_name(seg: str) -> str:
    """A source that is not a known org keeps its text; all-caps becomes title case."""
    words = seg.split()
    if len(words) > 1 and all(_is_upper_word(w) for w in words):
        return " ".join(title_case(w) for w in words)
    return " ".join(words)
