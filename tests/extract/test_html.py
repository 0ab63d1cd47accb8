from parsel import Selector

from tuyengiao_crawler.extract.html import clean_body_html, remove_selected, text_blocks


def body(html):
    return Selector(text=html).css("div.c")[0]


def test_clean_body_html_removes_hostile_parts_and_absolutises():
    html = (
        '<div class="c" onclick="x()"><p style="color:red">Xin <a href="/a.html" onmouseover="y()">chào</a></p>'
        '<script>alert(1)</script><!-- note --><p><a href="javascript:alert(1)">bấm</a> tail</p>'
        '<img src="i.jpg" onerror="z()"><iframe src="http://127.0.0.1/x"></iframe></div>'
    )
    assert clean_body_html(body(html), "http://127.0.0.1:8000/btg/") == (
        '<div><p>Xin <a href="http://127.0.0.1:8000/a.html">chào</a></p>'
        '<p><a>bấm</a> tail</p><img src="http://127.0.0.1:8000/btg/i.jpg"></div>'
    )


def test_text_blocks_split_at_blocks_and_breaks():
    html = (
        '<div class="c"><p>Một  <b>hai</b><br>ba</p>bốn<div>năm\u200b</div><script>x</script></div>'
    )
    assert text_blocks(body(html)) == ["Một hai", "ba", "bốn", "năm"]


def test_control_characters_do_not_break_removal_or_cleaning():
    # lxml parses control characters but refuses them when a tail is moved or re-serialised
    html = '<div class="c"><p>trước</p><span class="x">bỏ</span>\x1bđuôi\x08<p>sau</p></div>'
    sel = body(html)
    remove_selected(sel, [".x"])
    assert "bỏ" not in text_blocks(sel)
    assert clean_body_html(sel, "http://127.0.0.1/").startswith("<div><p>trước</p>")
