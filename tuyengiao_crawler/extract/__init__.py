"""Turning one HTML page into raw fields: site-profile selectors and generic heuristics."""

from tuyengiao_crawler.normalize.article import RawArticle

__all__ = ["RawArticle"]
