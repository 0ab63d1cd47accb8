"""The package keeps its rooms (docs/architecture.md): each imports only what it may.

Read from the source with `ast`, so a forbidden import fails here, loudly, whether or not
a test happens to run the code that has it.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tuyengiao_crawler"
OURS = "tuyengiao_crawler"
CRAWL_GLUE = {"scrapy", "twisted", "itemadapter"}

# room -> names (top-level packages, or our sub-packages) it must never import.
NEVER = {
    "normalize": CRAWL_GLUE
    | {"parsel", "lxml", "sqlite3", "sqlite_utils"}
    | {f"{OURS}.{room}" for room in ("extract", "archive", "spiders", "pipelines", "extensions")},
    "extract": CRAWL_GLUE
    | {"sqlite3", "sqlite_utils"}
    | {f"{OURS}.{room}" for room in ("archive", "spiders", "pipelines", "extensions")},
    "archive": CRAWL_GLUE
    | {"datasette"}
    | {f"{OURS}.{room}" for room in ("spiders", "pipelines", "extensions", "middlewares")},
    # The archive browser reads the archive like the CLI does: no crawl internals.
    "datasette_plugin": CRAWL_GLUE
    | {
        f"{OURS}.{room}"
        for room in ("extract", "spiders", "pipelines", "extensions", "middlewares")
    },
    # Charts draw a timeline: no database, no web framework.
    "charts.py": CRAWL_GLUE | {"sqlite3", "sqlite_utils", "datasette", "lxml"},
    "spiders": {f"{OURS}.archive", f"{OURS}.pipelines", "sqlite3", "sqlite_utils"},
    "reprocess.py": CRAWL_GLUE | {f"{OURS}.{room}" for room in ("spiders", "pipelines")},
    # Evaluation reads pages the one way a crawl does, and touches no archive.
    "evaluate.py": CRAWL_GLUE
    | {"sqlite3", "sqlite_utils", "parsel", "lxml"}
    | {f"{OURS}.{room}" for room in ("archive", "spiders", "pipelines", "extensions")},
}


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            # Relative: resolve against the module's own package.
            package = path.relative_to(PACKAGE.parent).parent.parts
            base = ".".join(package[: len(package) - node.level + 1])
            found.add(f"{base}.{node.module}" if node.module else base)
    return found


def forbidden(name: str, banned: set[str]) -> bool:
    return any(name == b or name.startswith(b + ".") for b in banned)


def modules(room: str) -> list[Path]:
    target = PACKAGE / room
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


@pytest.mark.parametrize("room", sorted(NEVER))
def test_each_room_imports_only_what_it_may(room):
    files = modules(room)
    assert files, f"no module under {room}"
    wrong = {
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in files
        for name in imports(path)
        if forbidden(name, NEVER[room])
    }
    assert not wrong, sorted(wrong)


def test_nothing_imports_the_command_line():
    wrong = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "cli" not in path.relative_to(PACKAGE).parts[:1]
        and path.name != "__main__.py"
        and any(forbidden(name, {f"{OURS}.cli"}) for name in imports(path))
    ]
    assert not wrong


def test_the_rule_checker_sees_a_forbidden_import(tmp_path):
    """The checker itself: relative and absolute imports are both resolved."""
    sample = PACKAGE / "normalize" / "article.py"
    assert "tuyengiao_crawler.normalize.bylines" in imports(sample)
    assert forbidden("scrapy.http", CRAWL_GLUE) and not forbidden("scrapyd", {"scrapy"})
