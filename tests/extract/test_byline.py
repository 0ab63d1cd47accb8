"""Where generic mode finds the byline: author markup, the dateline, the body's first or
last lines (a right-aligned bold signature), meta tags, JSON-LD and microdata; and who the
byline names once parsed (persons, outlets, no desk credits or accounts)."""

from __future__ import annotations

import pytest
from parsel import Selector

from tuyengiao_crawler.extract.byline import element_lines, looks_like_byline, markup_authors
from tuyengiao_crawler.extract.generic import extract_generic
from tuyengiao_crawler.normalize import parse_byline

BODY = [
    "Sáng 14/3, tại Hội trường Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên tháng 3 năm 2023 với sự tham dự của hơn 200 đại biểu.",
    "Tại hội nghị, các đại biểu đã được nghe báo cáo chuyên đề về tình hình kinh tế - xã hội của tỉnh trong quý I và nhiệm vụ trọng tâm thời gian tới.",
    "Hội nghị cũng thông tin về tình hình thời sự trong nước và quốc tế nổi bật, định hướng công tác tuyên truyền trong thời gian tới cho đội ngũ báo cáo viên.",
]


def page(head: str = "", after_title: str = "", top: str = "", bottom: str = "") -> str:
    """A news page with its byline wherever the case puts it."""
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<html><head><title>Hội nghị báo cáo viên tháng 3 năm 2023 | Báo Nghệ An</title>{head}</head>
<body><div class="header"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></div>
<div class="container"><div class="main-content"><h1 class="title">Hội nghị báo cáo viên tháng 3 năm 2023</h1>
{after_title}
<div class="content-detail">{top}{paras}{bottom}</div>
</div></div><div class="footer">Cơ quan chủ quản: Ban Tuyên giáo Tỉnh ủy. Điện thoại: 0238.3844.567</div></body></html>"""


A, ORG = "author", "organization"
LD = '<script type="application/ld+json">{ld}</script>'
CASES = [
    (
        "date|name dateline",
        page(after_title='<div class="post-info">Thứ Ba, 14/03/2023 09:40 | Nguyễn Thị Hoa</div>'),
        [("Nguyễn Thị Hoa", A)],
    ),
    (
        "date span + author span",
        page(
            after_title='<div class="meta"><span class="date">Thứ Ba, 14/03/2023 09:40</span> | <span class="author">Nguyễn Thị Hoa</span></div>'
        ),
        [("Nguyễn Thị Hoa", A)],
    ),
    (
        "byline div with date",
        page(after_title='<div class="byline">Nguyễn Thị Hoa - 14/03/2023 09:40</div>'),
        [("Nguyễn Thị Hoa", A)],
    ),
    (
        "dateline with Theo",
        page(after_title='<div class="date-time">14/03/2023 | 09:40 (GMT+7) · Theo TTXVN</div>'),
        [("TTXVN", ORG)],
    ),
    (
        "dateline with Bởi admin",
        page(after_title='<p class="info">Đăng lúc 09:40 ngày 14/03/2023 | Bởi Admin</p>'),
        [],
    ),
    (
        "right bold caps",
        page(bottom='<p style="text-align: right;"><strong>NGUYỄN VĂN AN</strong></p>'),
        [("Nguyễn Văn An", A)],
    ),
    (
        "right bold two",
        page(bottom='<p align="right"><b>Minh Anh - Thu Hà</b></p>'),
        [("Minh Anh", A), ("Thu Hà", A)],
    ),
    (
        "right bold paren source",
        page(bottom='<p style="text-align:right"><strong>(Theo TTXVN)</strong></p>'),
        [("TTXVN", ORG)],
    ),
    (
        "name + org paren",
        page(
            bottom='<p style="text-align:right"><strong>Hoài Thu (Ban Tuyên giáo Huyện ủy Quỳnh Lưu)</strong></p>'
        ),
        [("Hoài Thu", A), ("Ban Tuyên giáo Huyện ủy Quỳnh Lưu", ORG)],
    ),
    (
        "PV theo TTXVN",
        page(bottom='<p style="text-align:right"><b>PV Hoàng Long (theo TTXVN)</b></p>'),
        [("Hoàng Long", A), ("TTXVN", ORG)],
    ),
    (
        "slash foreign",
        page(bottom='<p style="text-align:right"><b>Minh Anh/The Diplomat</b></p>'),
        [("Minh Anh", A), ("The Diplomat", ORG)],
    ),
    (
        "title + name",
        page(bottom='<p style="text-align:right"><strong>Thượng tá Nguyễn Hữu Đức</strong></p>'),
        [("Nguyễn Hữu Đức", A)],
    ),
    (
        "PGS.TS + org",
        page(
            bottom='<p style="text-align:right"><strong>PGS.TS Trần Văn Bình</strong><br>Học viện Chính trị quốc gia Hồ Chí Minh</p>'
        ),
        [("Trần Văn Bình", A), ("Học viện Chính trị quốc gia Hồ Chí Minh", ORG)],
    ),
    ("top label", page(top="<p><strong>Bài và ảnh: Lê Hà</strong></p>"), [("Lê Hà", A)]),
    (
        "top Nguồn bottom",
        page(bottom="<p><em>Nguồn: Báo Nhân Dân</em></p>"),
        [("Báo Nhân Dân", ORG)],
    ),
    (
        "meta article:author",
        page(head='<meta property="article:author" content="Trần Quốc Toản">'),
        [("Trần Quốc Toản", A)],
    ),
    ("meta author", page(head='<meta name="author" content="Lê Minh Hà">'), [("Lê Minh Hà", A)]),
    (
        "meta dable:author",
        page(head='<meta property="dable:author" content="Phạm Thu Trang">'),
        [("Phạm Thu Trang", A)],
    ),
    ("meta admin", page(head='<meta name="author" content="admin">'), []),
    (
        "ld string entity",
        page(
            head=LD.format(
                ld='{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","author":"Nguy&#7877;n V&#259;n An"}'
            )
        ),
        [("Nguyễn Văn An", A)],
    ),
    (
        "ld object",
        page(
            head=LD.format(
                ld='{"@type":"NewsArticle","author":{"@type":"Person","name":"Hoàng Yến"}}'
            )
        ),
        [("Hoàng Yến", A)],
    ),
    (
        "ld list",
        page(
            head=LD.format(
                ld='{"@type":"Article","author":[{"@type":"Person","name":"Minh Anh"},{"@type":"Person","name":"Thu Hà"}]}'
            )
        ),
        [("Minh Anh", A), ("Thu Hà", A)],
    ),
    (
        "ld org",
        page(
            head=LD.format(
                ld='{"@type":"NewsArticle","author":{"@type":"Organization","name":"Báo Nghệ An"}}'
            )
        ),
        [("Báo Nghệ An", ORG)],
    ),
    (
        "microdata",
        page(
            after_title='<div class="info"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Nguyễn Văn An</span></span></div>'
        ),
        [("Nguyễn Văn An", A)],
    ),
    (
        "and 1 other",
        page(
            after_title='<div class="author-box"><span class="name">Nguyễn Văn An</span> và 1 tác giả khác<div class="author-list"><a href="/a/1">Nguyễn Văn An</a><a href="/a/2">Trần Bình</a></div></div>'
        ),
        [("Nguyễn Văn An", A), ("Trần Bình", A)],
    ),
    (
        "visible wins over meta admin",
        page(
            head='<meta name="author" content="admin">',
            bottom='<p style="text-align:right"><strong>Thu Hương</strong></p>',
        ),
        [("Thu Hương", A)],
    ),
    (
        "source + ld person",
        page(
            head=LD.format(
                ld='{"@type":"NewsArticle","author":{"@type":"Person","name":"Hoàng Yến"}}'
            ),
            bottom='<p style="text-align:right"><strong>Theo TTXVN</strong></p>',
        ),
        [("TTXVN", ORG), ("Hoàng Yến", A)],
    ),
    (
        "A, B caps right",
        page(bottom='<p style="text-align:right"><strong>HỒNG SƠN, THU TRANG</strong></p>'),
        [("Hồng Sơn", A), ("Thu Trang", A)],
    ),
    (
        "A và B",
        page(bottom='<p style="text-align:right"><strong>Hữu Đức và Quốc Tuấn</strong></p>'),
        [("Hữu Đức", A), ("Quốc Tuấn", A)],
    ),
    (
        "A; B tac-gia class",
        page(bottom='<div class="tac-gia">Hữu Đức; Quốc Tuấn</div>'),
        [("Hữu Đức", A), ("Quốc Tuấn", A)],
    ),
    (
        "Đồng chí",
        page(bottom='<p style="text-align:right"><strong>Đồng chí Nguyễn Văn Nên</strong></p>'),
        [("Nguyễn Văn Nên", A)],
    ),
    (
        "Nhà báo",
        page(bottom='<p style="text-align:right"><strong>Nhà báo Hữu Thọ</strong></p>'),
        [("Hữu Thọ", A)],
    ),
    (
        "top right bold caps",
        page(top='<p style="text-align:right"><strong>NGUYỄN VĂN AN</strong></p>'),
        [("Nguyễn Văn An", A)],
    ),
    (
        "top title name + org",
        page(
            top="<p><strong>TS. NGUYỄN VĂN AN</strong></p>"
            "<p><em>Học viện Chính trị quốc gia Hồ Chí Minh</em></p>"
        ),
        [("Nguyễn Văn An", A), ("Học viện Chính trị quốc gia Hồ Chí Minh", ORG)],
    ),
    (
        "account in author markup, signature below",
        page(
            after_title='<dl><dd class="createdby" itemprop="author" itemscope>Viết bởi '
            '<span itemprop="name">Super User</span></dd></dl>',
            bottom='<p style="text-align: right;"><strong>Phan Hải Yến</strong></p>',
        ),
        [("Phan Hải Yến", A)],
    ),
    (
        "label and source in two spans",
        page(
            bottom='<div class="article-author" style="text-align:right"><span class="lbl">'
            "Nguồn:</span> <span>Sở Nội vụ</span></div>"
        ),
        [("Sở Nội vụ", ORG)],
    ),
    (
        "youth union",
        page(bottom='<p style="text-align: right;"><strong>Tỉnh Đoàn Thanh Hóa</strong></p>'),
        [("Tỉnh Đoàn Thanh Hóa", ORG)],
    ),
    (
        "source markup, signature below",
        page(
            after_title='<div class="source">Theo TTXVN</div>',
            bottom='<p style="text-align: right;"><strong>Minh Anh</strong></p>',
        ),
        [("TTXVN", ORG), ("Minh Anh", A)],
    ),
]

NOT_BYLINES = [
    # no person nor outlet beside the dateline: a category, share-bar words
    (
        "date|category",
        page(after_title='<div class="post-info">Thứ Ba, 14/03/2023 09:40 | Thời sự</div>'),
    ),
    (
        "date|menu",
        page(
            after_title='<div class="post-info">Thứ Ba, 14/03/2023 09:40 | Tin Tức | In bài</div>'
        ),
    ),
    # a link for the author meta tag, a desk credit alone
    (
        "meta url",
        page(head='<meta property="article:author" content="https://www.facebook.com/baonghean">'),
    ),
    ("desk credit", page(bottom='<p style="text-align:right"><strong>Ban Biên Tập</strong></p>')),
    # the body's own last words
    ("short last sentence", page(bottom="<p>Chúc mừng các đồng chí</p>")),
    ("download line", page(bottom="<p>Tải về: Báo cáo sơ kết (tải về)</p>")),
    ("theo do", page(bottom="<p>Theo đó, các đơn vị triển khai</p>")),
    ("place and date", page(bottom="<p>Nghệ An, ngày 14 tháng 3 năm 2023</p>")),
    ("the end", page(bottom="<p>(Hết)</p>")),
]


def names_of(html: str) -> tuple[list[tuple[str, str]], str, str | None]:
    article = extract_generic(Selector(text=html), "http://baonghean.example.vn/tin/a-1.html")
    found = parse_byline(article.byline) if article.byline else []
    return [(e["name"], e["role"]) for e in found], article.body_text, article.byline


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_byline_found_and_read(html: str, expected: list[tuple[str, str]]) -> None:
    found, body, _ = names_of(html)
    assert found == expected
    # the body keeps its three paragraphs and loses the signature
    assert body.split("\n\n") == BODY
    for name, _ in found:
        assert name not in body


@pytest.mark.parametrize("html", [c[1] for c in NOT_BYLINES], ids=[c[0] for c in NOT_BYLINES])
def test_no_one_named(html: str) -> None:
    found, body, _ = names_of(html)
    assert [n for n, role in found if role == A] == []
    assert body.startswith(BODY[0])


def test_visible_person_wins_over_metadata() -> None:
    html = page(
        head='<meta name="author" content="Báo Nghệ An">'
        + LD.format(ld='{"@type":"NewsArticle","author":"Trần Văn Tư"}'),
        bottom='<p style="text-align:right"><strong>Thu Hương</strong></p>',
    )
    assert names_of(html)[0] == [("Thu Hương", A)]


def test_desk_credit_cut_from_the_body_and_metadata_read() -> None:
    html = page(
        head=LD.format(ld='{"@type":"NewsArticle","author":{"@type":"Person","name":"Hoàng Yến"}}'),
        bottom='<p style="text-align:right"><strong>PV</strong></p>',
    )
    found, body, byline = names_of(html)
    assert found == [("Hoàng Yến", A)] and body.split("\n\n") == BODY and byline == "PV\nHoàng Yến"


def test_markup_authors() -> None:
    assert markup_authors({"author": "Nguy&#7877;n Th&#7883; Lan"}, None) == ["Nguyễn Thị Lan"]
    assert markup_authors({"author": "admin", "dable:author": "Lê Hà"}, None) == ["Lê Hà"]
    ld = {"author": [{"name": "Minh Anh"}, "Thu Hà", {"@type": "Person"}, 42]}
    assert markup_authors({"author": "Lê Hà"}, ld) == ["Minh Anh", "Thu Hà"]
    assert markup_authors({"article:author": "https://facebook.com/x"}, {"author": None}) == []


def test_element_lines_split_names_side_by_side() -> None:
    el = (
        Selector(
            text='<div class="author"><a>Nguyễn Văn An</a><a>Trần Bình</a><br>Ban Tuyên giáo</div>'
        )
        .css("div.author")[0]
        .root
    )
    assert element_lines(el) == ["Nguyễn Văn An, Trần Bình", "Ban Tuyên giáo"]


@pytest.mark.parametrize(
    "line",
    ["(Theo TTXVN)", "Hoài Thu (Ban Tuyên giáo Huyện ủy Quỳnh Lưu)",
     "Học viện Chính trị quốc gia Hồ Chí Minh", "Nguồn: Báo Nhân Dân", "NGUYỄN VĂN AN"],
)  # fmt: skip
def test_signature_lines(line: str) -> None:
    assert looks_like_byline(line)


@pytest.mark.parametrize(
    "top",
    ["<p><strong>NHỮNG KẾT QUẢ NỔI BẬT</strong></p>", "<p>Trần Thị Hồng</p>",
     "<p><strong>Minh Anh</strong></p>"],
)  # fmt: skip
def test_what_opens_the_body_stays_unless_a_signature(top: str) -> None:
    """A bold heading, a plain line, a bold pen name with no surname: left in the body."""
    found, body, _ = names_of(page(top=top))
    assert found == [] and body.split("\n\n")[1:] == BODY
