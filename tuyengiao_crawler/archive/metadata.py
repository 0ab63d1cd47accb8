"""The archive described for Datasette: titles, bilingual descriptions of every table and
column, facets, default sorts, the search index and canned queries
(datasette_metadata.json beside this file), for databases of any name."""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def _packaged() -> dict[str, Any]:
    text = (
        files("tuyengiao_crawler.archive")
        .joinpath("datasette_metadata.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def database_metadata() -> dict[str, Any]:
    """The metadata of one archive database (tables, columns, queries): a fresh copy."""
    return copy.deepcopy(_packaged()["database"])


def datasette_metadata(*databases: str) -> dict[str, Any]:
    """Datasette metadata with the archive's description under each of `databases` (the
    names Datasette gives them: a file's stem)."""
    top = {k: v for k, v in _packaged().items() if k != "database"}
    return {**top, "databases": {name: database_metadata() for name in databases}}
