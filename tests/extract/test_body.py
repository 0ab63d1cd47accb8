"""The body in generic mode (issue 14, item 4): the article's own text only, read whole.

Each page here is written in one CMS family's markup (WordPress, Joomla, Drupal, a
Bootstrap provincial portal, an old table layout, a Next.js site) with the traps found on
real pages: related boxes and teaser cards inside the content div, ad placeholders, share
bars, comment forms, tool rows and tag lists; and what belongs to the article and must
stay: an info box, a table of figures, a list of prose items, a paragraph with a link.
"""

from __future__ import annotations

import pytest
from parsel import Selector

from tuyengiao_crawler.extract.generic import extract_generic

P = (
    "Sáng 12/5, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị sơ kết công tác tuyên truyền "
    "sáu tháng đầu năm, với sự tham dự của lãnh đạo các sở, ban, ngành và địa phương.",
    "Báo cáo tại hội nghị cho biết, các cấp ủy đã chủ động định hướng thông tin, kịp thời "
    "tuyên truyền các sự kiện chính trị quan trọng của đất nước và của tỉnh.",
    "Công tác nắm bắt tình hình tư tưởng của cán bộ, đảng viên và nhân dân được duy trì "
    "thường xuyên, phản ánh trung thực những vấn đề dư luận xã hội quan tâm.",
    "Tuy nhiên, việc đấu tranh phản bác các quan điểm sai trái trên không gian mạng ở một "
    "số nơi còn lúng túng, chưa phát huy được vai trò của lực lượng nòng cốt.",
    "Phát biểu kết luận, đồng chí Trưởng ban Tuyên giáo Tỉnh ủy đề nghị các đơn vị tiếp "
    "tục đổi mới nội dung, phương thức tuyên truyền, gắn với nhiệm vụ chính trị của địa phương.",
)
LEAD = (
    "Hội nghị đánh giá kết quả công tác tuyên giáo sáu tháng đầu năm và đề ra nhiệm vụ "
    "trọng tâm cho những tháng cuối năm."
)
TITLE = "Sơ kết công tác tuyên giáo sáu tháng đầu năm 2024"
CHROME = (
    "Tin liên quan", "Bài liên quan", "Tin cùng chuyên mục", "Xem thêm", "Đọc thêm",
    "loading", "Quảng cáo", "Advertisement", "Chia sẻ", "Facebook", "Zalo",
    "Ý kiến bạn đọc", "Gửi bình luận", "In bài", "Gửi email", "Từ khóa", "Tags",
    "Khánh thành cầu", "Hội thi báo cáo viên giỏi", "Họp báo quý II",
)  # fmt: skip
RELATED = (
    '<a href="/tin/khanh-thanh-cau-1.html">Khánh thành cầu Hòa Bình nối hai bờ sông Lam</a>',
    '<a href="/tin/hoi-thi-2.html">Hội thi báo cáo viên giỏi cấp tỉnh năm 2024</a>',
    '<a href="/tin/hop-bao-3.html">Họp báo quý II của Ủy ban nhân dân tỉnh</a>',
)


def head(description: str = LEAD) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{TITLE} - Cổng thông tin</title>'
        f'<meta property="og:title" content="{TITLE}">'
        f'<meta property="og:description" content="{description}"></head>'
    )


WORDPRESS = (
    head()
    + f"""<body class="single-post"><header id="masthead"><nav class="main-navigation">
<a href="/">Trang chủ</a></nav></header>
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-12" class="post-12 post type-post">
<header class="entry-header"><h1 class="entry-title">{TITLE}</h1>
<div class="entry-meta"><time class="entry-date published" datetime="2024-05-12T08:00:00+07:00">12/05/2024</time></div></header>
<div class="entry-content">
<p><strong>{LEAD}</strong></p>
<p>{P[0]}</p>
<p><strong>Xem thêm:</strong> {RELATED[0]}</p>
<p>{P[1]} Toàn văn báo cáo được đăng trên <a href="/van-ban/bao-cao.html">trang văn bản</a> của Ban.</p>
<div class="code-block code-block-2" style="margin: 8px 0; clear: both;">
<div id="div-gpt-ad-1620000000000-0" style="min-height:250px">loading...</div></div>
<ul><li>{P[2]}</li><li>{P[3]}</li></ul>
<ul class="wp-block-list"><li>{RELATED[2]}</li><li>{RELATED[1]}</li></ul>
<div class="wp-block-group has-pale-cyan-blue-background-color has-background">
<p><strong>Thông tin thêm:</strong> Sáu tháng đầu năm, toàn tỉnh tổ chức 1.250 buổi sinh hoạt chính trị, thu hút hơn 80 nghìn lượt người tham dự.</p></div>
<p>{P[4]}</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Chia sẻ:</h3>
<ul><li><a class="share-facebook" href="https://facebook.com/sharer">Facebook</a></li>
<li><a class="share-zalo" href="https://zalo.me/share">Zalo</a></li></ul></div>
<div class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Bài liên quan</h3>
<div class="jp-relatedposts-post">{RELATED[1]}</div></div>
</div>
<footer class="entry-footer"><span class="tags-links">Tags: <a href="/tag/tuyen-giao">tuyên giáo</a></span></footer>
</article>
<div id="comments" class="comments-area"><h3 id="reply-title">Gửi bình luận</h3>
<form><textarea></textarea></form></div>
</main></div></body></html>"""
)

JOOMLA = (
    head()
    + f"""<body><div id="sp-main-body"><div class="item-page" itemscope itemtype="https://schema.org/Article">
<div class="page-header"><h2 itemprop="headline">{TITLE}</h2></div>
<div class="icons"><div class="btn-group pull-right"><ul class="dropdown-menu">
<li class="print-icon"><a href="/in.html">In bài</a></li><li class="email-icon"><a href="/email.html">Gửi email</a></li></ul></div></div>
<dl class="article-info"><dd class="published"><time datetime="2024-05-12T08:00:00+07:00">12 Tháng 5 2024</time></dd></dl>
<div itemprop="articleBody">
<p style="text-align: justify;"><strong>{LEAD}</strong></p>
<p style="text-align: justify;">{P[0]}</p>
<p style="text-align: justify;">{P[1]}</p>
<table class="table" border="1"><tbody>
<tr><td>Chỉ tiêu</td><td>Kế hoạch</td><td>Thực hiện</td></tr>
<tr><td>Buổi sinh hoạt chính trị</td><td>1.000</td><td>1.250</td></tr>
<tr><td>Lượt người tham dự</td><td>60.000</td><td>80.000</td></tr></tbody></table>
<p style="text-align: justify;">{P[2]}</p>
<p><strong>Bài liên quan:</strong></p>
<ul><li>{RELATED[0]}</li><li>{RELATED[1]}</li></ul>
<p style="text-align: justify;">{P[3]}</p>
<p style="text-align: justify;">{P[4]}</p>
<ol><li>Tổ chức <a href="/tin/hoc-tap.html">học tập nghị quyết</a> cho toàn thể cán bộ, đảng viên.</li>
<li>Kiện toàn đội ngũ <a href="/tin/bcv.html">báo cáo viên</a> các cấp trong quý III.</li></ol>
<div class="adsense"><ins class="adsbygoogle" data-ad-slot="123"></ins><span>Advertisement</span></div>
</div>
<div class="tags">Từ khóa: <a href="/tag/hoi-nghi">hội nghị</a> <a href="/tag/so-ket">sơ kết</a></div>
<ul class="pager pagenav"><li class="previous"><a href="/tin/truoc.html">&lt; Trước</a></li></ul>
</div></div></body></html>"""
)

DRUPAL = (
    head()
    + f"""<body><div id="page"><div class="region region-content"><div id="node-77" class="node node-article node-full">
<h1 class="page-title">{TITLE}</h1>
<div class="field field-name-field-date">12/05/2024 08:00</div>
<div class="field field-name-field-summary"><div class="field-items"><div class="field-item even">{LEAD}</div></div></div>
<div class="field field-name-body field-type-text-with-summary"><div class="field-items"><div class="field-item even" property="content:encoded">
<p>{LEAD}</p>
<p>{P[0]}</p>
<p>{P[1]}</p>
<div class="view view-tin-cung-chuyen-muc"><div class="view-content">
<div class="views-row"><div class="views-field-field-image"><a href="/tin/khanh-thanh-cau-1.html"><img src="/t1.jpg" alt=""></a></div>
<div class="views-field-title"><a href="/tin/khanh-thanh-cau-1.html">Khánh thành cầu Hòa Bình nối hai bờ sông Lam</a></div></div>
<div class="views-row"><div class="views-field-field-image"><a href="/tin/hoi-thi-2.html"><img src="/t2.jpg" alt=""></a></div>
<div class="views-field-title"><a href="/tin/hoi-thi-2.html">Hội thi báo cáo viên giỏi cấp tỉnh năm 2024</a></div></div>
</div></div>
<p>{P[2]}</p>
<blockquote><p>"Mỗi cán bộ tuyên giáo phải là một chiến sĩ trên mặt trận tư tưởng, bám sát cơ sở, lắng nghe nhân dân", đồng chí Trưởng ban nhấn mạnh.</p></blockquote>
<p>{P[3]}</p>
<p>{P[4]}</p>
</div></div></div>
<div class="addtoany_share_save_container"><span>Chia sẻ</span> <a href="https://facebook.com/x">Facebook</a> <a href="https://zalo.me/x">Zalo</a></div>
<h2 class="title comment-form">Ý kiến bạn đọc</h2>
<form class="comment-form"><input name="name"><textarea></textarea><button>Gửi bình luận</button></form>
</div></div></div></body></html>"""
)

BOOTSTRAP = (
    head()
    + f"""<body><div class="container"><div class="row"><div class="col-md-8">
<div class="detail-wrap"><h1 class="title-detail">{TITLE}</h1>
<span class="time">12/05/2024 | 08:00</span>
<div class="font-weight-bold mb-3">{LEAD}</div>
<div class="news-body">
<div style="text-align: justify;"><span style="font-size:14px">{P[0]}</span><br><br>
<span style="font-size:14px">{P[1]}</span><br><br>
<div style="text-align:center"><img src="/upload/anh/hoi-nghi.jpg" alt="Quang cảnh hội nghị"></div>
<span style="font-size:14px">{P[2]}</span><br><br>
<div id="zone-jh8k2m" class="text-center"></div>
<div class="mb-2"><b>Đọc thêm:</b> {RELATED[1]}</div>
<span style="font-size:14px">{P[3]}</span><br>
<br><span style="font-size:14px">{P[4]}</span><br><br>
<div class="d-flex"><span>Chia sẻ:</span> <a class="btn btn-sm btn-primary" href="https://facebook.com/sharer">Facebook</a>
<a class="btn btn-sm btn-info" href="https://zalo.me/share">Zalo</a> <a class="btn btn-sm" href="javascript:window.print()">In trang</a></div>
<div class="text-center small">Quảng cáo</div></div>
<div class="row mt-3">
<div class="col-4"><a href="/tin/khanh-thanh-cau-1.html"><img src="/t1.jpg"></a><h5><a href="/tin/khanh-thanh-cau-1.html">Khánh thành cầu Hòa Bình nối hai bờ sông Lam</a></h5></div>
<div class="col-4"><a href="/tin/hoi-thi-2.html"><img src="/t2.jpg"></a><h5><a href="/tin/hoi-thi-2.html">Hội thi báo cáo viên giỏi cấp tỉnh năm 2024</a></h5></div>
<div class="col-4"><a href="/tin/hop-bao-3.html"><img src="/t3.jpg"></a><h5><a href="/tin/hop-bao-3.html">Họp báo quý II của Ủy ban nhân dân tỉnh</a></h5></div>
<div id="banner-bottom"></div></div>
</div></div>
<div class="col-md-4"><h4>Tin mới</h4><ul><li><a href="/a.html">Một tin mới khác ở cột phải</a></li></ul></div>
</div></div></body></html>"""
)

TABLE_2012 = (
    head(description="")
    + f"""<body><table width="980" align="center"><tr><td colspan="2"><img src="/banner.jpg"></td></tr>
<tr><td width="200" valign="top"><a href="/">Trang chủ</a><br><a href="/gioi-thieu.html">Giới thiệu</a></td>
<td valign="top"><table width="100%"><tr><td><font face="Arial" size="3" color="#003399"><b>{TITLE}</b></font></td></tr>
<tr><td><font face="Arial" size="1">Cập nhật: 12/05/2012 08:00</font></td></tr>
<tr><td><font face="Arial" size="2"><b>{LEAD}</b><br><br>
{P[0]}<br><br>{P[1]}<br><br>
<div align="center"><img src="/anh/hoi-nghi.jpg"><br><i>Quang cảnh hội nghị sơ kết</i></div>
{P[2]}<br><br><font color="#000000">{P[3]}</font><br><br>
<div>{P[4]}</div>
<div align="right"><b>Nguyễn Văn An</b></div></font></td></tr>
<tr><td><font size="2"><b>Các tin khác:</b><br>{RELATED[0]}<br>{RELATED[1]}<br>{RELATED[2]}</font></td></tr>
<tr><td><a href="/in.html">In bài</a> | <a href="/gui.html">Gửi email</a></td></tr>
</table></td></tr></table></body></html>"""
)

NEXTJS = (
    head()
    + f"""<body><div id="__next"><div class="layout_wrapper__a1b2c"><header class="Header_header__x9"><a href="/">Trang chủ</a></header>
<main class="ArticlePage_main__Qz3"><h1 class="ArticlePage_title__7kd">{TITLE}</h1>
<div class="ArticlePage_meta__ab">12/05/2024 08:00</div>
<h2 class="ArticlePage_sapo__c3">{LEAD}</h2>
<div class="ArticlePage_content__kP2">
<div class="ArticlePage_text__1"><b>(TG) - {LEAD[:-1]}</b></div>
<div class="ArticlePage_text__1">{P[0]}</div>
<div class="ArticlePage_text__1">{P[1]}</div>
<div class="AdSlot_wrapper__z"><div class="AdSlot_label__q">Advertisement</div><div id="div-gpt-ad-inarticle"></div></div>
<div class="ArticlePage_text__1">{P[2]}</div>
<div class="InlineRelated_box__r"><span>Tin liên quan</span>
<a href="/tin/hop-bao-3.html"><img src="/t3.jpg" alt="Họp báo quý II của Ủy ban nhân dân tỉnh"><span>Họp báo quý II của Ủy ban nhân dân tỉnh</span></a></div>
<div class="ArticlePage_text__1">{P[3]}</div>
<div class="ArticlePage_text__1">{P[4]}</div>
<div class="ArticlePage_toolbar__x"><button>Chia sẻ</button><a href="https://facebook.com/sharer">Facebook</a></div>
</div>
<div class="ArticlePage_keywords__k"><span>Từ khóa:</span><a href="/tag/hoi-nghi">hội nghị</a></div>
</main></div></div></body></html>"""
)

PAGES = {
    "wordpress": WORDPRESS,
    "joomla": JOOMLA,
    "drupal": DRUPAL,
    "bootstrap": BOOTSTRAP,
    "table_2012": TABLE_2012,
    "nextjs": NEXTJS,
}


@pytest.fixture(scope="module", params=sorted(PAGES))
def family(request):
    html = PAGES[request.param]
    return request.param, extract_generic(
        Selector(text=html), "http://tinh.example.vn/tin/a-1.html"
    )


def paragraphs(article) -> list[str]:
    return article.body_text.split("\n\n")


def test_every_paragraph_kept_in_order(family):
    name, article = family
    body = paragraphs(article)
    found = [next((i for i, b in enumerate(body) if p in b), None) for p in P]
    assert None not in found, (name, article.body_text)
    assert found == sorted(found), (name, article.body_text)


def test_the_body_ends_with_the_article(family):
    name, article = family
    assert P[4] in paragraphs(article)[-1 if name != "joomla" else -3], (name, article.body_text)


def test_no_chrome_in_the_body(family):
    name, article = family
    for text in CHROME:
        assert text not in article.body_text, (name, text, article.body_text)
        assert text not in article.body_html, (name, text)


def test_lead_found_and_not_repeated(family):
    name, article = family
    assert article.lead == LEAD, (name, article.lead)
    assert LEAD not in article.body_text, (name, article.body_text)
    assert paragraphs(article)[0] == P[0], (name, article.body_text)


def test_the_articles_own_boxes_lists_and_links_are_kept():
    wordpress = extract_generic(Selector(text=WORDPRESS), "http://x.vn/a.html")
    assert "Thông tin thêm: Sáu tháng đầu năm, toàn tỉnh tổ chức 1.250" in wordpress.body_text
    assert "Toàn văn báo cáo được đăng trên trang văn bản của Ban." in wordpress.body_text
    assert P[2] in paragraphs(wordpress) and P[3] in paragraphs(wordpress)
    joomla = extract_generic(Selector(text=JOOMLA), "http://x.vn/a.html")
    assert "<table" in joomla.body_html
    # A table of figures reads row by row, not one paragraph per cell.
    assert "Buổi sinh hoạt chính trị | 1.000 | 1.250" in paragraphs(joomla)
    assert "Kiện toàn đội ngũ báo cáo viên các cấp trong quý III." in joomla.body_text
    drupal = extract_generic(Selector(text=DRUPAL), "http://x.vn/a.html")
    assert "Mỗi cán bộ tuyên giáo phải là một chiến sĩ" in drupal.body_text


def test_related_links_still_listed():
    for name in ("wordpress", "joomla", "drupal", "table_2012"):
        article = extract_generic(Selector(text=PAGES[name]), "http://tinh.example.vn/tin/a-1.html")
        assert article.related, name


# --- bodies written without <p>: text, <span>s and <font>s between <br>s ---------------------
SIDEBAR = (
    '<div class="col-right"><h3>Tin mới</h3>'
    + "".join(
        f'<div class="item"><a href="/t{i}.html">Tiêu đề tin số {i} của cột bên phải</a>'
        f"<p>Tóm tắt tin số {i}: các hoạt động tuyên truyền được triển khai rộng khắp ở cơ"
        " sở trong tháng qua.</p></div>"
        for i in range(6)
    )
    + "</div>"
)
DIV_SOUP = {
    # Loose text beside a <p>: the <p> alone was the body's whole score.
    "bare_text_and_p": f'<div id="noidung">{P[0]}<br><br>{P[1]}<br><br><p>{P[2]}</p>'
    f"{P[3]}<br><br>{P[4]}</div>",
    # Spans between <br>s in a table cell that also holds an image block: nothing scored,
    # and the sidebar's teasers were taken for the article.
    "td_spans_and_image": f"<table><tr><td><img src=a.jpg><br><span>{P[0]}</span><br><br>"
    f"<span>{P[1]}</span><br><br><div align=center><img src=b.jpg></div><span>{P[2]}</span>"
    f"<br><br><span>{P[3]}</span><br><br><span>{P[4]}</span></td></tr></table>",
    # Each run of paragraphs in its own <font>/<span>: the first run was taken, the end lost.
    "font_runs": f"<table><tr><td><font face=Arial><div>{P[0]}</div><div>{P[1]}</div>"
    f"<div>{P[2]}</div></font><font face=Arial><div>{P[3]}</div><div>{P[4]}</div></font>"
    "</td></tr></table>",
    "span_runs": f"<div><span><div>{P[0]}</div><div>{P[1]}</div><div>{P[2]}</div></span>"
    f"<span><div>{P[3]}</div><div>{P[4]}</div></span></div>",
    "nested_fonts": f'<div class="content"><div><font><span>{P[0]}<br><br>{P[1]}</span></font>'
    f"</div><div><font><span>{P[2]}<br><br>{P[3]}</span></font><br><br><font>{P[4]}</font>"
    "</div></div>",
}


@pytest.mark.parametrize("name", sorted(DIV_SOUP))
def test_a_body_without_paragraph_tags_is_read_whole(name):
    html = (
        f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE}</h1>'
        f"<div class='date'>12/05/2012</div>{DIV_SOUP[name]}{SIDEBAR}</body></html>"
    )
    article = extract_generic(Selector(text=html), "http://x.vn/tin/a-1.html")
    assert paragraphs(article) == list(P), article.body_text


def _div_soup_article(body: str):
    html = (
        f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE}</h1>'
        f"<div class='date'>12/05/2012</div>{body}{SIDEBAR}</body></html>"
    )
    return extract_generic(Selector(text=html), "http://x.vn/tin/a-1.html")


def test_paragraphs_set_apart_by_two_br_keep_their_single_br_as_a_line_break():
    # A quotation's lines under "nhấn mạnh:" were three paragraphs, and the signature under
    # the last paragraph after one <br> a paragraph of the body.
    article = _div_soup_article(
        f'<div class="content">{P[0]}<br><br>{P[1]}<br>{P[2]}<br><br>{P[3]} Đồng chí nhấn'
        f" mạnh:<br>“Phải làm tốt hơn nữa.”<br><br>{P[4]}<br>Minh Hà<br></div>"
    )
    assert paragraphs(article) == [
        P[0],
        f"{P[1]}\n{P[2]}",
        f"{P[3]} Đồng chí nhấn mạnh:\n“Phải làm tốt hơn nữa.”",
        P[4],
    ]
    assert article.byline == "Minh Hà"


def test_paragraphs_set_apart_by_one_br_stay_paragraphs():
    article = _div_soup_article(
        f'<div class="content">{P[0]}<br>{P[1]}<br>{P[2]}<br>{P[3]}<br>{P[4]}<br>Minh Hà</div>'
    )
    assert paragraphs(article) == list(P)
    assert article.byline == "Minh Hà"


def _card(i: int) -> str:
    return (
        f'<div class="item"><a href="/tin/{i}.html"><img src="/t{i}.jpg"></a><h4>'
        f'<a href="/tin/{i}.html">Tiêu đề bài viết khác số {i}</a></h4><p>Tóm tắt bài số {i}:'
        " các hoạt động tuyên truyền được triển khai rộng khắp ở cơ sở trong tháng qua.</p></div>"
    )


CARDS = {
    # Cards with summaries: the summaries were read as the thumbnails' captions, the
    # thumbnails as the article's images, and no related link was listed.
    "labelled_box": f"{''.join(f'<p>{p}</p>' for p in P)}<div class='box'>"
    f"<h3>Tin cùng chuyên mục</h3>{_card(1)}{_card(2)}{_card(3)}</div>",
    "labelled_flat": f"{''.join(f'<p>{p}</p>' for p in P)}<h3>Bài viết liên quan</h3>"
    f"{_card(1)}{_card(2)}{_card(3)}",
    "unlabelled_between_paragraphs": f"<p>{P[0]}</p><p>{P[1]}</p>{_card(1)}"
    f"{''.join(f'<p>{p}</p>' for p in P[2:])}",
}


@pytest.mark.parametrize("name", sorted(CARDS))
def test_other_articles_cards_with_summaries_are_not_the_article(name):
    html = (
        f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE}</h1>'
        f'<div class="date">12/05/2024</div><div class="content">{CARDS[name]}</div></body></html>'
    )
    article = extract_generic(Selector(text=html), "http://x.vn/tin/a-1.html")
    assert paragraphs(article) == list(P)
    assert article.images == []
    assert "Tóm tắt" not in article.body_html
    assert article.related and all("/tin/" in r["url"] for r in article.related)


def test_a_picture_linking_to_its_full_size_and_a_source_link_are_the_articles():
    html = (
        f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE}</h1>'
        f'<div class="date">12/05/2024</div><div class="content"><p>{P[0]}</p><figure>'
        '<a href="/anh/big.jpg"><img src="/anh/small.jpg"></a><figcaption>Quang cảnh hội'
        f" nghị</figcaption></figure><p>{P[1]}</p><p>Nguồn: <a href='http://baochinhphu.vn/"
        f"x.html'>Báo Chính phủ</a></p>{''.join(f'<p>{p}</p>' for p in P[2:])}</div></body></html>"
    )
    article = extract_generic(Selector(text=html), "http://x.vn/tin/a-1.html")
    assert [i["caption"] for i in article.images] == ["Quang cảnh hội nghị"]
    assert "Nguồn: Báo Chính phủ" in paragraphs(article)


def test_a_see_also_line_without_a_link_and_a_longer_first_paragraph_are_kept():
    # The first paragraph says the lead and one sentence more: it is not the lead repeated.
    first = f"{LEAD} Đây là lần đầu tiên hội nghị được tổ chức trực tuyến."
    html = (
        f'<html><head><meta charset="utf-8"><meta property="og:description" content="{LEAD}">'
        f'</head><body><h1>{TITLE}</h1><div class="date">12/05/2024</div>'
        f'<div class="sapo">{LEAD}</div><div class="content"><p>{first}</p><p>{P[0]}</p>'
        f"<p><strong>Xem thêm:</strong> Nghị quyết số 35-NQ/TW của Bộ Chính trị.</p>"
        f"{''.join(f'<p>{p}</p>' for p in P[1:])}</div></body></html>"
    )
    article = extract_generic(Selector(text=html), "http://x.vn/tin/a-1.html")
    assert article.lead == LEAD
    assert paragraphs(article) == [
        first, P[0], "Xem thêm: Nghị quyết số 35-NQ/TW của Bộ Chính trị.", *P[1:]
    ]  # fmt: skip


# --- the same traps in other words and markup ---------------------------------------------------
VARIANTS = {
    "see_also_as_bare_text": "<p>Xem thêm: " + RELATED[0] + "</p>",
    "related_arrows": "<div>Tin liên quan &gt;&gt; " + RELATED[1] + "</div>",
    "relate_class": '<div class="box-relate"><ul><li>' + RELATED[2] + "</li></ul></div>",
    "same_topic_label": "<h4>Tin cùng chủ đề</h4><ul><li>" + RELATED[0] + "</li><li>"
    + RELATED[1] + "</li></ul>",
    "latest_news_label": "<div><strong>Tin mới nhất</strong></div><p>" + RELATED[2] + "</p>",
    "tags_without_colon": '<div><span>Tags</span> <a href="/tag/a">hội nghị</a>'
    ' <a href="/tag/b">sơ kết</a></div>',
    "comment_count": "<h3>Ý kiến bạn đọc ( 0 )</h3><div>Chưa có ý kiến nào. Hãy là người"
    " đầu tiên gửi ý kiến.</div><form><textarea></textarea></form>",
    "banner_ad": '<div class="qc qc-inline"><a href="http://shop.example.com/"><img'
    ' src="/qc/banner-300x250.gif"></a></div>',
    "labelled_banner": '<div><span>Quảng cáo</span><a href="http://shop.example.com/">'
    '<img src="/qc/banner-300x250.jpg"></a></div>',
    "spinner": '<div class="lazy-wrap"><img src="/img/spinner.gif"> Loading...</div>',
    "fb_widget": '<div class="fb-like" data-href="http://x.vn/a.html"></div>'
    '<div class="zalo-share-button" data-oaid="1"></div>',
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_trap_variants_inside_the_body(name):
    trap = VARIANTS[name]
    ordered = [f"<p>{P[0]}</p>", f"<p>{P[1]}</p>", trap, *(f"<p>{p}</p>" for p in P[2:])]
    if name == "comment_count":  # what follows a comment heading is the readers'
        ordered = [*ordered[:2], *ordered[3:], trap]
    html = (
        f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE}</h1>'
        f'<div class="date">12/05/2024</div><div class="content">{"".join(ordered)}</div>'
        "</body></html>"
    )
    article = extract_generic(Selector(text=html), "http://x.vn/tin/a-1.html")
    assert paragraphs(article) == list(P)
    for word in ("Tags", "Ý kiến", "Chưa có ý kiến", "banner-300x250"):
        assert word not in article.body_html
    assert article.images == []


def test_prose_opening_like_a_label_is_kept():
    lines = [
        "Chủ đề năm nay là <a href='/tin/chu-de.html'>Học tập và làm theo tư tưởng Hồ Chí Minh</a>,"
        " được triển khai đến từng chi bộ.",
        "Tin mới nhận được cho biết, 100% chi bộ đã hoàn thành việc quán triệt nghị quyết.",
        "Xem thêm thông tin chi tiết tại <a href='/van-ban/kh.html'>kế hoạch</a> của Ban.",
    ]
    html = (
        f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE}</h1>'
        f'<div class="date">12/05/2024</div><div class="content">'
        f"{''.join(f'<p>{p}</p>' for p in (*P[:2], *lines, *P[2:]))}</div></body></html>"
    )
    article = extract_generic(Selector(text=html), "http://x.vn/tin/a-1.html")
    assert len(paragraphs(article)) == 8, article.body_text


def test_the_description_is_the_lead_after_a_dateline_prefix():
    html = (
        f'<html><head><meta charset="utf-8"><meta name="description" content="{LEAD}"></head>'
        f'<body><h1>{TITLE}</h1><div class="date">12/05/2024</div><div class="content">'
        f"<p>(ĐCSVN) - {LEAD}</p>{''.join(f'<p>{p}</p>' for p in P)}</div></body></html>"
    )
    article = extract_generic(Selector(text=html), "http://x.vn/tin/a-1.html")
    assert article.lead == f"(ĐCSVN) - {LEAD}"
    assert paragraphs(article) == list(P)


def test_other_news_run_in_the_same_cell_as_a_table_layout_article():
    # The links after "Các tin khác:" are a run of <a>s and <br>s inside the article's own
    # <font>: only the label was cut, the headlines and their dates stayed the body's end.
    html = (
        f'<html><head><meta charset="utf-8"></head><body><table><tr><td><b>{TITLE}</b></td></tr>'
        f"<tr><td>Cập nhật: 12/05/2012</td></tr><tr><td><font face=Arial size=2>"
        f"{'<br><br>'.join(P)}<br><br><b>Nguyễn Văn An</b><br><br><b>Các tin khác:</b><br>"
        f"{RELATED[0]} (11/05/2012)<br>{RELATED[1]} (10/05/2012)<br>{RELATED[2]} (09/05/2012)"
        "<br></font></td></tr></table></body></html>"
    )
    article = extract_generic(Selector(text=html), "http://x.vn/tin/a-1.html")
    assert paragraphs(article) == list(P)
    assert article.byline == "Nguyễn Văn An"
    assert len(article.related) == 3


@pytest.mark.parametrize("separator", ["<br><br>", "<br>", "spans"])
def test_a_page_whose_body_is_one_block_of_br_paragraphs_is_an_article(separator):
    # Taking that block for the body (not its parent) left it no paragraph text of its own
    # to count, and the page was classified a listing; spans between <br>s beside an image
    # block never counted (the sidebar was the body).
    from tuyengiao_crawler.extract.classify import page_kind

    body = separator.join(P + P)
    if separator == "spans":
        body = "<div><img src=a.jpg></div>" + "".join(f"<span>{p}</span><br><br>" for p in P + P)
    html = (
        f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE}</h1><div class="date">'
        f'Thứ Hai, 12/05/2024 08:00</div><div class="content">{body}</div>{SIDEBAR}</body></html>'
    )
    assert page_kind(Selector(text=html), "http://x.vn/tin/a-1.html") == "article"


@pytest.mark.parametrize(
    "first",
    [
        f'<p style="font-weight: bold;">{LEAD}</p>',
        f'<p><span style="font-weight:700">{LEAD}</span></p>',
        f'<div class="fw-bold">{LEAD}</div>',
    ],
)
def test_a_first_paragraph_bold_by_style_is_the_lead(first):
    html = (
        f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE}</h1>'
        f'<div class="date">12/05/2024</div><div class="content">{first}'
        f"{''.join(f'<p>{p}</p>' for p in P)}</div></body></html>"
    )
    article = extract_generic(Selector(text=html), "http://x.vn/tin/a-1.html")
    assert article.lead == LEAD
    assert paragraphs(article) == list(P)
