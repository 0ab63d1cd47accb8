"""The item the spider yields: an article page's raw fields with the fetch they came from."""

from __future__ import annotations

from dataclasses import dataclass, fields

from tuyengiao_crawler.normalize.article import FetchContext, RawArticle


@dataclass(kw_only=True)
class ArticleItem(FetchContext, RawArticle):
    """One article page as read, before normalisation: the raw fields (`RawArticle`) and
    where and when they were fetched (`FetchContext`). The normalise pipeline turns it
    into an `ArticleRecord`."""

    @classmethod
    def of(cls, raw: RawArticle, context: FetchContext) -> ArticleItem:
        return cls(
            **{f.name: getattr(raw, f.name) for f in fields(RawArticle)},
            **{f.name: getattr(context, f.name) for f in fields(FetchContext)},
        )
