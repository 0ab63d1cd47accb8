"""Commands for writing and checking site profiles."""

from __future__ import annotations

import json

import click

from tuyengiao_crawler.cli import cli, json_option


@cli.command("profile-check")
@click.argument("profile")
@click.argument("url")
@json_option
def profile_check(profile: str, url: str, as_json: bool) -> None:
    """Fetch one page and show each field as PROFILE reads it, the rule that produced it,
    and what generic mode reads.

    PROFILE is a bundled profile's name or a .toml file. Fields where the two differ are
    marked "*"; a profile selector that matched nothing is named with its fallback.

    Example: tuyengiao profile-check profiles/mysite.toml https://example.gov.vn/tin/bai-1.html
    """
    from tuyengiao_crawler.profile_check import check_page, fetch
    from tuyengiao_crawler.profiles import load_profile

    loaded = load_profile(profile)
    body, headers = fetch(url)
    result = check_page(url, body, headers, loaded)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{url}\n  profile {loaded.name}: {result.kind}; generic mode: {result.generic_kind}"
    )
    if result.misses:
        click.echo(f"  the profile's selectors missed: {', '.join(result.misses)}")
    for check in result.fields:
        mark = "*" if check.differs else " "
        click.echo(f"\n{mark} {check.field}  [{check.rule}]")
        click.echo(f"    profile: {check.profile or '-'}")
        if check.differs:
            click.echo(f"    generic: {check.generic or '-'}")


@cli.command("profile-suggest")
@click.argument("urls", nargs=-1, required=True)
@click.option("--name", help="The profile's name (default: from the site's host name).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the profile to this .toml file (never over an existing one); else print it.",
)
def profile_suggest(urls: tuple[str, ...], name: str | None, out: str | None) -> None:
    """Write a starter profile for a new site from a few of its article pages (URLS, two
    or more of one template is best): for each field generic mode reads, the simplest
    selector that finds it on every page. Check it with profile-check before crawling.

    Example: tuyengiao profile-suggest https://example.gov.vn/tin/a.html https://example.gov.vn/tin/b.html --out profiles/example.toml
    """
    from pathlib import Path

    from tuyengiao_crawler.profile_check import fetch
    from tuyengiao_crawler.profile_suggest import suggest_profile

    if out and Path(out).exists():
        raise click.BadParameter(f"{out} exists; choose another file", param_hint="--out")
    text = suggest_profile(((url, *fetch(url)) for url in urls), name=name)
    if not out:
        click.echo(text, nl=False)
        return
    Path(out).write_text(text, encoding="utf-8")
    click.echo(f"Wrote {out}: check it with `tuyengiao profile-check {out} URL`", err=True)
