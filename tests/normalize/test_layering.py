"""normalize/ stands alone: the standard library and dateparser, nothing of the crawler.

extract/ may ask normalize (its dates come from normalize.dates); the other way round
would tie the one date grammar to Scrapy and the HTML heuristics.
"""

import ast
import sys
from pathlib import Path

NORMALIZE = Path(__file__).parents[2] / "tuyengiao_crawler" / "normalize"
ALLOWED = set(sys.stdlib_module_names) | {"dateparser"}


def test_normalize_imports_only_stdlib_and_dateparser():
    outside = []
    for path in sorted(NORMALIZE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            outside += [f"{path.name}: {n}" for n in names if n.split(".")[0] not in ALLOWED]
    assert outside == []
