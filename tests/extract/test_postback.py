"""ASP.NET postback pagers found on a WebForms listing (extract/postback.py)."""

from parsel import Selector

from tuyengiao_crawler.extract.postback import postback_pager

LISTING = """<html><body>
<form name="aspnetForm" method="post" action="./TinTuc.aspx?CatID=3" id="aspnetForm">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1">
<a id="ctl00_lbtLogin" href="javascript:__doPostBack('ctl00$lbtLogin','')">Đăng nhập</a>
<table id="ctl00_MainContent_gvNews">
<tr><td><a href="/Pages/ChiTietTin.aspx?NewsID=1&amp;CatID=3">Hội nghị quán triệt Nghị quyết</a></td></tr>
<tr class="pager"><td><table><tr>
<td><span>1</span></td>
<td><a href="javascript:__doPostBack(&#39;ctl00$MainContent$gvNews&#39;,&#39;Page$2&#39;)">2</a></td>
<td><a href="javascript:__doPostBack('ctl00$MainContent$gvNews','Page$3')">3</a></td>
<td><a href="javascript:__doPostBack('ctl00$MainContent$gvNews','Page$11')">...</a></td>
</tr></table></td></tr></table>
<a id="ctl00_MainContent_lnkNext" href='javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions("ctl00$MainContent$lnkNext", "", true, "", "", false, true))'>Trang sau</a>
<a href="javascript:__doPostBack('ctl00$MainContent$gvNews','Page$2')">2</a>
</form>
<form id="search" action="/TimKiem.aspx"><input name="q"></form>
</body></html>"""


def test_the_pager_links_that_post_the_form_back_once_each():
    pager = postback_pager(Selector(text=LISTING))
    assert [(p.target, p.argument, p.page, p.is_next) for p in pager] == [
        ("ctl00$MainContent$gvNews", "Page$2", 2, False),
        ("ctl00$MainContent$gvNews", "Page$3", 3, False),
        ("ctl00$MainContent$gvNews", "Page$11", 11, False),
        ("ctl00$MainContent$lnkNext", "", None, True),
    ]
    # The login link posts back too, but it moves to no other page of the listing.
    assert {p.form for p in pager} == {0}


def test_a_page_without_postbacks_has_no_postback_pager():
    assert postback_pager(Selector(text="<html><body><a href='?page=2'>2</a></body></html>")) == []
    no_form = "<a href=\"javascript:__doPostBack('gv','Page$2')\">2</a>"
    assert postback_pager(Selector(text=no_form)) == []
