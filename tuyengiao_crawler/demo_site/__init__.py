"""The bundled demo site: static pages under ``www/``, ground truth in ``manifest.json``.

``build.py`` regenerates both deterministically: ``compose.py`` makes the articles from
the texts and specs in ``data/`` (``content.py`` reads them), ``render.py`` their pages'
HTML. ``server.py`` serves them on 127.0.0.1 with ``serving.py``, the local server the
fault site (``faults.py``) and the benchmark site (``bench/``) use too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .server import MANIFEST_PATH, WWW_DIR, DemoSite, serve_forever

__all__ = ["MANIFEST_PATH", "WWW_DIR", "DemoSite", "load_manifest", "serve_forever"]


def load_manifest(path: Path = MANIFEST_PATH) -> dict[str, Any]:
    """Load the demo site's ground-truth manifest."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
