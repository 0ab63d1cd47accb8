"""The evaluate command: extraction scored against a folder of saved pages."""

from __future__ import annotations

import json

import click

from tuyengiao_crawler.cli import cli, print_table

# Exit code for bad input (no such folder, a broken expected file): click's usage code.
BAD_INPUT = 2


@cli.command()
@click.argument("folder", metavar="DIR")
@click.option("--site", "site", help="Read with this site profile (a bundled name or a .toml).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores and failures as JSON.")
def evaluate(folder: str, site: str | None, as_json: bool) -> None:
    """Score extraction on saved pages against hand-written expected values.

    DIR holds NAME.html pages, each with NAME.expected.json beside it (docs/evaluation.md);
    a sub-folder is a template. Prints per-field accuracy overall and per template, then
    every failure. Exits 0 whatever the scores, 2 on bad input.

    Example: tuyengiao evaluate tests/extraction_corpus
    """
    from tuyengiao_crawler.errors import TuyengiaoError
    from tuyengiao_crawler.evaluate import AN_ARTICLE
    from tuyengiao_crawler.evaluate import evaluate as run

    try:
        result = run(folder, site=site)
    except TuyengiaoError as exc:  # no such folder, a broken expected file, a bad --site
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(BAD_INPUT) from None
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    names = result.fields

    def row(label: str, pages: int, template: str | None) -> dict[str, str]:
        cells = {"template": label, "pages": str(pages)}
        for name in names:
            value = result.accuracy(name, template)
            cells[name] = "-" if value is None else f"{value:.2f}"
        return cells

    rows = [row(t, result.template_pages[t], t) for t in sorted(result.templates)]
    rows.append(row("overall", result.pages, None))
    print_table(f"Extraction accuracy on {result.pages} pages ({site or 'generic mode'})", rows)
    click.echo(f"\n{len(result.failures)} failures")
    told: set[str] = set()
    for failure in result.failures:
        if failure.expected == AN_ARTICLE:
            if failure.page not in told:
                told.add(failure.page)
                click.echo(f"{failure.page}  every field: {failure.got}")
            continue
        click.echo(f"{failure.page}  {failure.field}")
        click.echo(f"  expected: {_show(failure.expected)}")
        click.echo(f"  got:      {_show(failure.got)}")


def _show(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
