"""Shared test helpers: saved pages as Scrapy responses."""

from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

FIXTURES = Path(__file__).parent / "fixtures"


def file_response(path: Path, url: str) -> HtmlResponse:
    """A response built from a saved HTML file, as the spider would receive it."""
    return HtmlResponse(url=url, body=path.read_bytes(), encoding="utf-8")


@pytest.fixture
def saved_page():
    def build(
        name: str, url: str = "http://127.0.0.1:8000/btg/tin-hoat-dong/bai-1.html"
    ) -> HtmlResponse:
        return file_response(FIXTURES / "pages" / name, url)

    return build
