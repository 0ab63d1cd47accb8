"""The item the spider yields: an article page's raw fields with the fetch they came from."""

from __future__ import annotations

from dataclasses import dataclass

from tuyengiao_crawler.normalize.article import FetchContext, RawArticle, join_fetch


@dataclass(kw_only=True)
class ArticleItem(FetchContext, RawArticle):
    """One article page as read, before normalisation: the raw fields (`RawArticle`) and
    where and when they were fetched (`FetchContext`). The normalise pipeline turns it
    into an `ArticleRecord`."""

    @classmethod
    def of(cls, raw: RawArticle, context: FetchContext) -> ArticleItem:
        return join_fetch(cls, raw, context)
