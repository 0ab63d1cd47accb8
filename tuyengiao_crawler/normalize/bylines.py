"""Byline parsing: who wrote an article, and for which organisation.

Roles are exactly two strings (the archive's schema allows no other): ``"author"`` (a
person) and ``"organization"`` (a body, or the outlet a "Theo ..."/"Nguồn: ..." line or a
"Name/Outlet" credit names). Desk credits and CMS accounts (PV, Nhóm PV, BTV, BBT, Ban biên
tập, admin, Quản trị viên...) name nobody and are dropped.
"""

from __future__ import annotations

import re
from typing import Any

from .dates import date_spans
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
    "Th.S",
    "Th.s",
    "Ths",
    "NCS",
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
    "PV",
    "CTV",
    "BTV",
    "PTV",
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
    "phóng viên",
    "cộng tác viên",
    "biên tập viên",
)
_TITLE_RE = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(t) for t in sorted(_ABBR_TITLES, key=len, reverse=True))
    + r")(?:\s*[.,-]\s*|\s+|$)"
    + r"|(?i:"
    + "|".join(
        re.escape(t).replace(r"\ ", r"\s+") for t in sorted(_WORD_TITLES, key=len, reverse=True)
    )
    + r")(?:\s*[.,:]\s*|\s+))+"
)

# Offices held, written after the name ("Nguyễn Văn A, Phó Bí thư Tỉnh ủy"): no body
# themselves; the body they name, if any, is kept ("Viện trưởng Viện Triết học").
_POSITION_RE = re.compile(
    r"^(?:(?:phó|nguyên)\s+)*(?:(?:tỉnh|huyện|thành|đảng)\s+(?:ủy|uỷ)\s+viên|(?:ủy|uỷ)\s+viên|bí\s+thư|"
    r"chủ\s+tịch|tổng\s+giám\s+đốc|giám\s+đốc|viện\s+trưởng|hiệu\s+trưởng|trưởng\s+ban|"
    r"trưởng\s+phòng|trưởng\s+khoa|tổng\s+biên\s+tập|bộ\s+trưởng|thứ\s+trưởng|chính\s+(?:ủy|uỷ)|"
    r"tư\s+lệnh|chánh\s+văn\s+phòng|giảng\s+viên|nghiên\s+cứu\s+viên|cục\s+trưởng|"
    r"vụ\s+trưởng|chủ\s+nhiệm|trưởng)(?:\s+|$)",
    re.IGNORECASE,
)

# Desk credits, CMS accounts and share-bar words: nobody's name, dropped. Matched folded
# (no accents, no case), so "Ban Biên Tập", "BAN BIEN TAP" and "ban biên tập" are one.
_NOBODY = frozenset(
    (
        "pv",
        "phong vien",
        "nhom pv",
        "nhom phong vien",
        "pv-ctv",
        "nhom pv-ctv",
        "ctv",
        "cong tac vien",
        "nhom ctv",
        "btv",
        "bien tap vien",
        "ptv",
        "bbt",
        "ban bien tap",
        "toa soan",
        "phong bien tap",
        "bien tap",
        "nhom bien tap",
        "admin",
        "administrator",
        "quan tri",
        "quan tri vien",
        "quan tri he thong",
        "ban quan tri",
        "editor",
        "editors",
        "webmaster",
        "root",
        "user",
        "author",
        "tac gia",
        "nguoi dang",
        "st",
        "suu tam",
        "tong hop",
        "facebook",
        "twitter",
        "zalo",
        "email",
        "print",
        "in bai",
        "chia se",
        "binh luan",
        "theo doi",
        "google news",
        "luot xem",
        "nhom tac gia",
        "phong vien nhom",
        "tin tuc",
        "super user",
        "superuser",
        "internet",
        "nguon internet",
        "anh minh hoa",
        "minh hoa",
        "het",
        "con nua",
        "con tiep",
        "ket thuc",
        "trang chu",
        "tin moi",
        "tin khac",
        "xem them",
        "lien he",
        "in",
        "gui bai",
        "luu",
        "share",
        "tweet",
        "like",
    )
)
# Desk credits that may label a byline ("Nhóm PV: Minh Hà").
_DESK_LABELS = frozenset(
    ("pv", "phong vien", "nhom pv", "nhom phong vien", "ctv", "btv", "nhom ctv")
)
# A CMS login: one lower-case word of ASCII letters, digits, dots or underscores ("bientap",
# "tuyengiao_ha"); a person's name has spaces or diacritics or capitals.
_LOGIN_RE = re.compile(r"^[a-z][a-z0-9_.]*$")
_NOBODY_CODE_RE = re.compile(r"^(?:PV|CTV|BTV|PTV|BBT|admin)\d{0,3}$", re.IGNORECASE)
# "Ban biên tập Cổng TTĐT", "BBT Báo Nghệ An": still the desk, not a person or a body.
_NOBODY_HEAD_RE = re.compile(r"^(?:ban\s+biên\s+tập|bbt|nhóm\s+(?:pv|phóng\s+viên))\b", re.I)

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
        "Tỉnh đoàn",
        "Thành đoàn",
        "Huyện đoàn",
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

# Outlets whose names read like a person's ("Theo Thanh Niên", "Theo Lao Động") or are
# foreign; matched folded. A "Theo X" naming none of these, nor an organisation, whose X
# reads as a Vietnamese name, names the author ("Theo Nguyễn Văn A").
_OUTLETS = frozenset(
    fold(o)
    for o in (
        "Thanh Niên",
        "Lao Động",
        "Tiền Phong",
        "Dân Trí",
        "Dân Việt",
        "Nhân Dân",
        "Tuổi Trẻ",
        "Người Lao Động",
        "Sài Gòn Giải Phóng",
        "SGGP",
        "Hà Nội Mới",
        "Kinh Tế Đô Thị",
        "Pháp Luật",
        "Công Lý",
        "Đại Đoàn Kết",
        "Giáo Dục Thời Đại",
        "Vietnamnet",
        "VnExpress",
        "Zing",
        "Znews",
        "Vietnamplus",
        "Thời Nay",
        "An Ninh Thủ Đô",
        "Quân Đội Nhân Dân",
        "Công An Nhân Dân",
        "Biên Phòng",
        "Phụ Nữ",
        "Nông Nghiệp",
        "Văn Hóa",
        "Thể Thao Văn Hóa",
        "Đảng Cộng Sản",
        "Xây Dựng Đảng",
        "Reuters",
        "AFP",
        "AP",
        "Bloomberg",
        "CNN",
        "BBC",
        "Xinhua",
        "Tân Hoa Xã",
        "Sputnik",
        "TASS",
        "RIA Novosti",
        "Kyodo",
        "Yonhap",
        "Nikkei",
        "Nikkei Asia",
        "Al Jazeera",
        "Guardian",
        "The Guardian",
        "New York Times",
        "Washington Post",
        "Financial Times",
        "Economist",
        "The Economist",
        "Diplomat",
        "The Diplomat",
        "Asia Times",
        "SCMP",
        "Straits Times",
        "Global Times",
        "Prensa Latina",
        "Lenta",
    )
)
# One Vietnamese syllable, accents stripped: onset, vowels, coda.
_SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$",
    re.IGNORECASE,
)

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

_SPLIT_RE = re.compile(r"\s*(?:[;,/|•·]|\s[-–—]\s|[-–—](?=\s*[A-ZĐ]))\s*")
# The same splits, the separator kept: what follows a slash is an outlet ("Thu Hà/VOV").
_SPLIT_KEEP_RE = re.compile(r"\s*([;,/|•·]|\s[-–—]\s|[-–—](?=\s*[A-ZĐ]))\s*")
# "Bởi Nguyễn Văn A", "Đăng bởi: admin", "By Minh Khang", "Người viết: ...".
_BY_RE = re.compile(
    r"^\s*(?:(?:được\s+)?(?:đăng|viết|gửi)\s+bởi|bởi|posted\s+by|written\s+by|by|"
    r"người\s+đăng|người\s+gửi|author)\s*[:：]?\s+",
    re.IGNORECASE,
)
# "Nguyễn Văn An và 1 tác giả khác": the others are listed beside it.
_MORE_RE = re.compile(r"\s*(?:,|và|\+|&)?\s*\d+\s+(?:tác\s+giả|người)\s+khác\b\.*", re.I)
# A date-only piece of a line ("Thứ Ba, 14/03/2023 09:40"), once its dates are cut out.
_DATE_PIECE_RE = re.compile(r"\s*(?:\||•|·|\s[-–—]\s)\s*")
_DATE_LEFTOVER_RE = re.compile(
    r"(?:\bcập\s+nhật|\bngày\s+đăng|\bđăng\s+ngày|\bđăng\s+lúc|\bđăng|\bxuất\s+bản|\blúc|"
    r"\bngày|\bthời\s+gian|\bupdated?|\bpublished|\bposted|\bGMT\s*[+-]?\s*\d{0,2}|"
    r"\b\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:AM|PM|SA|CH))?\b|"
    r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|CN)\b|[\s,:()+\-–|])+",
    re.IGNORECASE,
)
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


def _person_name(segment: str, lower_ok: bool = False) -> str | None:
    """Return the title-cased name if ``segment`` looks like a person's name; written all
    lower-case only with ``lower_ok`` (a line that is one name and nothing else)."""
    words = segment.split()
    if not 1 <= len(words) <= 6 or len(segment) > 45:
        return None
    if not all(_NAME_WORD_RE.match(w) for w in words):
        return None
    caps = [w[0].isupper() for w in words]
    all_lower = segment == segment.lower()
    # Names are written all capitalised, all-caps, or (sloppily, alone on their line) all
    # lower-case; a mix with lower-case syllables is ordinary prose ("Thể thao và Du lịch"),
    # and lower-case words among other pieces are prose too ("Tải về: ... (tải về)").
    if not (all(caps) or (all_lower and lower_ok)):
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


def _nobody(segment: str) -> bool:
    """A desk credit or an account ("PV", "Ban biên tập", "admin", "BTV2"), no one's name."""
    seg = _BY_RE.sub("", segment).strip(" .,:;-–—*")
    f = fold(seg).replace(" - ", "-")
    return (
        not f
        or f in _NOBODY
        or bool(_NOBODY_CODE_RE.match(seg))
        or bool(_NOBODY_HEAD_RE.match(seg))
        or bool(_LOGIN_RE.match(seg) and not _ORG_SUFFIX_RE.search(seg))
    )


def _vietnamese_name(segment: str) -> bool:
    """Every word a Vietnamese syllable: "Nguyễn Văn A", "Minh Anh", not "Reuters"."""
    words = segment.split()
    return bool(words) and all(_SYLLABLE_RE.match(strip_accents(w).strip(".")) for w in words)


def _outlet(segment: str) -> bool:
    """A news outlet or organisation, as named after "Theo", "Nguồn:" or a slash."""
    return _is_org(segment) or fold(segment) in _OUTLETS


def _source_role(segment: str) -> str:
    """ "Theo X": X is the author when it reads as a person's Vietnamese name and is no
    known outlet ("Theo Nguyễn Văn A"); otherwise X is the outlet the article came from."""
    seg = _strip_titles(segment)
    if (
        not _outlet(segment)
        and len(seg.split()) >= 2
        and _vietnamese_name(seg)
        and _person_name(seg) is not None
    ):
        return AUTHOR
    return ORGANIZATION


def _strip_titles(segment: str) -> str:
    prev = None
    seg = segment.strip(" .,:;-–—*")
    while prev != seg:
        prev = seg
        seg = _TITLE_RE.sub("", seg).strip(" .,:;-–—*")
    return seg


def _drop_dates(line: str) -> str:
    """Cut the date-only pieces out of a line ("Thứ Ba, 14/03/2023 09:40 | Nguyễn Thị
    Hoa" keeps "Nguyễn Thị Hoa"): a piece holding a date stays only when what is left of
    it once the date, clock and labels are cut is a labelled person's name ("Đăng ngày
    14/03/2023 bởi Lê Hà"), never a place ("Nghệ An, ngày 14 tháng 3 năm 2023")."""
    if not _DIGIT_RE.search(line):
        return line
    pieces = _DATE_PIECE_RE.split(line)
    dated = [bool(date_spans(piece)) for piece in pieces]
    kept = []
    for piece, has_date in zip(pieces, dated, strict=True):
        rest = piece
        for span in reversed(date_spans(piece)):
            rest = rest[: span.start] + " " + rest[span.end :]
        if has_date:
            rest = _DATE_LEFTOVER_RE.sub(" ", " " + rest + " ").strip()
            bare = _LABEL_RE.sub("", _BY_RE.sub("", rest)).strip(" .,:;-–—*")
            labelled = bare != rest.strip(" .,:;-–—*")
            # Unlabelled, the words beside a date are a place ("Nghệ An, ngày 14 tháng 3").
            if not (labelled and _person_name(_strip_titles(bare))):
                continue
        elif _DIGIT_RE.search(rest) and any(dated):
            continue  # beside a date, other counts are the page's chrome ("Lượt xem: 120")
        kept.append(rest)
    return " | ".join(kept)


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


def _split(text: str) -> list[tuple[str, bool]]:
    """Pieces between separators, each with whether a slash came just before it."""
    parts = _SPLIT_KEEP_RE.split(text)
    out = [(parts[0], False)]
    for i in range(1, len(parts) - 1, 2):
        prev = out[-1][0].split()
        if parts[i] in "-–" and len(prev) == 1 and len(prev[0]) >= 2 and _is_upper_word(prev[0]):
            out[-1] = (f"{out[-1][0]}-{parts[i + 1]}", out[-1][1])  # "VOV-Tây Bắc": one outlet
            continue
        out.append((parts[i + 1], parts[i].strip() == "/"))
    return [(p.strip(), slash) for p, slash in out if p and p.strip()]


def _segments(line: str) -> list[tuple[str, str | None]]:
    """Split a byline line into (segment, forced_role) pieces in text order."""
    out: list[tuple[str, str | None]] = []
    line = _BY_RE.sub("", line)
    src = _SOURCE_RE.match(line)
    if src:
        for piece, _ in _split(src.group("src")):
            out.append((piece, _source_role(piece)))
        return out
    line = _LABEL_RE.sub("", line)
    line = _BY_RE.sub("", line)
    head, colon, rest = line.replace("：", ":").partition(":")
    if colon:
        if fold(head) not in _DESK_LABELS:
            return []  # "Tải về: ...", "Xem thêm: ...", "Email: ...": no byline label
        line = rest
    line = _DC_RE.sub(" ", line)  # "Đ/c" would otherwise be split on its slash
    # Pull parenthesised parts out, keeping their position after the main text.
    inner: list[str] = _PAREN_RE.findall(line)
    main = _PAREN_RE.sub(" ", line)
    main = main.replace("(", " ").replace(")", " ")
    pieces = _split(main)
    # Re-join pieces of an organisation split on a comma ("Sở Văn hóa, Thể thao và Du lịch").
    merged: list[tuple[str, bool]] = []
    for p, slash in pieces:
        if (
            merged
            and _is_org(merged[-1][0])
            and not _POSITION_RE.match(merged[-1][0])
            and not _POSITION_RE.match(p)
            and not _is_org(p)
            and not _nobody(p)
            and _person_name(_strip_titles(p)) is None
        ):
            merged[-1] = (f"{merged[-1][0]}, {p}", merged[-1][1])
        else:
            merged.append((p, slash))
    for p, slash in merged:
        if _is_org(p):
            out.append((p, None))
        elif slash and not _vietnamese_name(_strip_titles(p)):
            out.append((p, ORGANIZATION))  # "Minh Anh/The Diplomat": the outlet
        else:
            out.extend((q, None) for q in _AND_RE.split(p))
    for part in inner:
        part = part.strip()
        if not part or _NOTE_RE.match(part):
            continue
        src = _SOURCE_RE.match(part)
        if src:
            out.extend((q, _source_role(q)) for q, _ in _split(src.group("src")))
        elif _is_org(part):
            out.append((part, None))
        else:
            out.extend((q, None) for q, _ in _split(part))
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
        line = _drop_dates(_MORE_RE.sub("", raw_line).strip()).strip()
        if not line or _line_rejected(line):
            continue
        segments = _segments(line)
        lone = len(segments) == 1 and "(" not in line
        for seg, forced in segments:
            seg = seg.strip(" .,:;-–—*\"'“”")
            if not seg:
                continue
            entry = _classify(seg, forced, lone)
            if entry is None:
                continue
            key = author_key(entry["name"])
            if key in seen:
                continue
            seen.add(key)
            result.append(entry)
    return result


def _classify(seg: str, forced: str | None, lone: bool = False) -> dict[str, str] | None:
    if _nobody(seg) or not _strip_titles(seg):
        return None  # no one, or a title split off its name ("PGS, TS. Trần Văn Bình")
    if forced == ORGANIZATION:
        if _is_org(seg):
            return {"name": _org_name(seg), "role": ORGANIZATION}
        if fold(seg) not in _OUTLETS and not _capitalised(seg):
            return None  # "Theo đó, ...": a sentence, no source
        name = _source_name(seg)
        return {"name": name, "role": ORGANIZATION} if name else None
    if forced != AUTHOR and (office := _POSITION_RE.match(seg)):
        body = seg[office.end() :].strip()
        if body and _is_org(body) and _plausible_org(body):
            return {"name": _org_name(body), "role": ORGANIZATION}
        return None
    if forced != AUTHOR and fold(seg) in _OUTLETS:
        return {"name": _org_name(seg), "role": ORGANIZATION}
    if forced != AUTHOR and _is_org(seg):
        if not _plausible_org(seg):
            return None
        return {"name": _org_name(seg), "role": ORGANIZATION}
    name = _person_name(_strip_titles(seg), lower_ok=lone)
    if name is None:
        return None
    return {"name": name, "role": AUTHOR}


def _capitalised(seg: str) -> bool:
    """A name's shape: it starts capitalised and most of its words do ("Hà Nội mới")."""
    words = seg.split()
    if len(words) > 8 or not words[0][:1].isupper():
        return False
    return sum(w[:1].isupper() for w in words) * 2 >= len(words)


def _source_name(seg: str) -> str:
    """A source that is not a known org keeps its text; all-caps becomes title case."""
    words = seg.split()
    if len(words) > 1 and all(_is_upper_word(w) for w in words):
        return " ".join(title_case(w) for w in words)
    return " ".join(words)
