"""A corpus of portals in the markup of the CMS families Vietnamese Party and government
sites run on (not the demo site's), served on 127.0.0.1 by `tests/test_cms_corpus.py`.

Each module holds one family and exposes ``make_site() -> CorpusSite``. A site knows the
ground truth (the headline of every article it publishes) and records every link it
writes, so a test can say that every article was found exactly once, that nothing else
was archived, and that the WARC holds only URLs the site linked.
"""

import importlib
import pkgutil
from collections.abc import Callable

from cms_sites.base import CorpusSite


def families() -> dict[str, Callable[[], CorpusSite]]:
    """Family name (its module) -> the function that builds a fresh site."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[info.name] = module.make_site
    return found
