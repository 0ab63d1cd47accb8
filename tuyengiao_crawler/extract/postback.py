"""ASP.NET WebForms postback pagers: pages of a listing reachable only by posting the form.

A WebForms pager writes `<a href="javascript:__doPostBack('ctl00$Main$gvNews','Page$2')">`:
the browser posts the page's form back with `__EVENTTARGET`/`__EVENTARGUMENT` set (and
the form's `__VIEWSTATE` and `__EVENTVALIDATION`). `postback_pager` finds such links that
move between pages; the spider posts them (`FormRequest.from_response`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from parsel import Selector

from tuyengiao_crawler.extract.classify import NEXT_WORDS, PAGER_WORDS, in_pager
from tuyengiao_crawler.extract.html import one_line

# __doPostBack('target','argument') and the validating LinkButton's
# WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions("target", "argument", ...)).
_CALL = re.compile(
    r"""(?:__doPostBack|WebForm_PostBackOptions)\(\s*(['"])(?P<target>[^'"]+)\1\s*,"""
    r"""\s*(['"])(?P<argument>[^'"]*)\3"""
)
_PAGE_ARGUMENT = re.compile(r"^(?:Page\$)?(?P<page>\d{1,4}|Next|Prev|First|Last)$", re.IGNORECASE)


@dataclass(frozen=True)
class Postback:
    """One pager link to post back: the event's target and argument, the link's text,
    the page number it leads to (when it says), and which form of the page to post."""

    target: str
    argument: str
    text: str
    page: int | None
    form: int
    is_next: bool


def _page_number(argument: str, text: str) -> int | None:
    found = _PAGE_ARGUMENT.match(argument)
    if found and found["page"].isdigit():
        return int(found["page"])
    return int(text) if text.isdigit() and len(text) <= 4 else None


def postback_pager(selector: Selector) -> list[Postback]:
    """The pager links of a page that post its form back, in page order, once each."""
    root = selector.root
    if not isinstance(root, etree._Element):
        return []
    forms = list(root.iter("form"))
    found: dict[tuple[str, str], Postback] = {}
    for a in root.iter("a"):
        script = f"{a.get('href') or ''} {a.get('onclick') or ''}"
        call = _CALL.search(script) if "PostBack" in script else None
        if call is None:
            continue
        text = one_line(a.text_content())
        folded = text.casefold()
        argument = call["argument"]
        pager_like = (
            _PAGE_ARGUMENT.match(argument)
            or (folded.isdigit() and len(folded) <= 4)
            or folded in PAGER_WORDS
            or folded in ("...", "…")
            or in_pager(a)
        )
        form = next((el for el in a.iterancestors("form")), forms[0] if forms else None)
        if not pager_like or form is None:
            continue
        key = (call["target"], argument)
        if key not in found:
            found[key] = Postback(
                target=call["target"],
                argument=argument,
                text=text,
                page=_page_number(argument, folded),
                form=forms.index(form),
                is_next=folded in NEXT_WORDS or argument.lower() in ("next", "page$next"),
            )
    return list(found.values())
