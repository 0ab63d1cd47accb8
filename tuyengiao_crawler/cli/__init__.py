"""The `tuyengiao` command line: a thin layer over the library.

The group and shared options live here; commands live in one module per area.
"""

from __future__ import annotations

from typing import Any

import click

from tuyengiao_crawler import DEFAULT_DB, __version__
from tuyengiao_crawler.errors import TuyengiaoError


class FriendlyGroup(click.Group):
    """Turns every error into one line and a non-zero exit; --debug shows the traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TuyengiaoError as exc:
            error = click.ClickException(str(exc))
            # 1 unless the error says otherwise (5: the archive is busy, try later)
            error.exit_code = getattr(exc, "exit_code", 1)
            raise error from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except BrokenPipeError:
            # The reader went away (`tuyengiao search ... | head`): not an error. Output still
            # buffered goes to /dev/null, so exiting does not raise the same error again.
            _silence_stdout()
            ctx.exit(0)
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            raise click.ClickException(_one_line(exc)) from None


def _one_line(exc: Exception) -> str:
    """What went wrong, in words the user can act on."""
    import errno
    import sqlite3

    if isinstance(exc, OSError) and exc.errno in (
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
        errno.EFBIG,
    ):
        where = f" {exc.filename}" if exc.filename else ""
        return f"cannot write{where}: {exc.strerror}"
    if isinstance(exc, sqlite3.Error):
        from tuyengiao_crawler.archive.queries import DAMAGE_WORDS

        if any(word in str(exc).lower() for word in DAMAGE_WORDS):
            # Met while reading past the pages checked on opening: the file is damaged.
            return f"SQLite error: {exc}: the archive is damaged; restore it from a backup"
        return f"SQLite error: {exc}"
    return f"unexpected {type(exc).__name__}: {exc} (run with --debug for details)"


def _silence_stdout() -> None:
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def db_option(exists: bool = False) -> Any:
    return click.option(
        "--db",
        "db",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False),
        help="SQLite archive file." + (" Must exist." if exists else " Created if missing."),
    )


def json_option(fn: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(fn)


def log_level_option(fn: Any) -> Any:
    return click.option(
        "--log-level",
        default="WARNING",
        show_default=True,
        type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
        help="Scrapy log level (logs go to stderr).",
    )(fn)


@click.group(cls=FriendlyGroup)
@click.version_option(__version__, prog_name="tuyengiao")
@click.option("--debug", is_flag=True, help="Show full tracebacks on unexpected errors.")
def cli(debug: bool) -> None:
    """Archive Vietnamese Party and government news sites into SQLite.

    Example: tuyengiao demo
    """


def self_command() -> str:
    """How to run this command again from here: `tuyengiao` when that is on PATH and is
    this one, else the script beside this Python (`.venv/bin/tuyengiao`)."""
    import os
    import shutil
    import sys
    from pathlib import Path

    script = Path(sys.executable).parent / "tuyengiao"
    found = shutil.which("tuyengiao")
    if found and script.exists() and Path(found).resolve() == script.resolve():
        return "tuyengiao"
    if not script.exists():
        return "tuyengiao"
    try:
        relative = os.path.relpath(script)
    except ValueError:
        return str(script)
    return relative if not relative.startswith("..") else str(script)


def plural(count: int, singular: str, many: str | None = None) -> str:
    """ "1 article", "2 articles", "12,345 articles"."""
    word = singular if count == 1 else (many or singular + "s")
    return f"{count:,} {word}"


def print_table(title: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
    click.echo(f"\n{title}")
    click.echo("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        click.echo("  ".join(str(row[c]).ljust(widths[c]) for c in columns))


def main() -> None:
    cli(prog_name="tuyengiao")


# Registered last: the command modules import the group above.
from tuyengiao_crawler.cli import (  # noqa: E402, F401
    crawling,
    evaluation,
    maintenance,
    profiling,
    reading,
    research,
)
