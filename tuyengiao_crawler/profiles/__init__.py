"""Site profiles: per-site CSS selectors kept as TOML data files, and their loader."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import cssselect
from parsel.csstranslator import HTMLTranslator

from tuyengiao_crawler.errors import TuyengiaoError

SELECTOR_KEYS = frozenset(
    {
        "article",
        "title",
        "lead",
        "body",
        "body_exclude",
        "byline",
        "published",
        "updated",
        "breadcrumb",
        "category",
        "images",
        "image_caption",
        "related",
        "attachments",
        "follow",
        "listing",
        "pagination",
        "next_page",
    }
)
REQUIRED_SELECTORS = ("article", "title", "body")
# Fields whose selector must match elements: the extractor walks, removes or reads links
# and images from what they match. A `::text` or `::attr()` there matches strings, which
# these fields silently skip (a crawl archived 0 articles and ended "ok").
ELEMENT_SELECTORS = frozenset(
    {
        "article",
        "body",
        "body_exclude",
        "images",
        "related",
        "attachments",
        "follow",
        "listing",
        "pagination",
        "next_page",
    }
)
TOP_KEYS = frozenset({"name", "description", "domains", "asset_hosts", "start_urls", "selectors"})


class ProfileError(TuyengiaoError):
    """A profile that cannot be found or does not validate."""


@dataclass(frozen=True)
class SiteProfile:
    """Selectors for one site. Selector values are CSS; lists mean "any of these"."""

    name: str
    selectors: dict[str, list[str]]
    domains: tuple[str, ...] = ()
    # Hosts that serve the site's stylesheets, scripts and images, never its pages.
    asset_hosts: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    description: str = ""
    source: str = field(default="", compare=False)

    def css(self, key: str) -> str | None:
        """The selectors for a field joined into one CSS group, or None."""
        values = self.selectors.get(key)
        return ", ".join(values) if values else None

    def matches_host(self, host: str) -> bool:
        host = host.lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)


def _as_list(value: object, where: str) -> list[str]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise ProfileError(f"{where}: expected a CSS selector or a list of them")
    return [v.strip() for v in values]


def _check_selects_elements(css: str, where: str) -> None:
    """Refuse `::text` and `::attr(...)` (parsel's pseudo-elements) in a field that needs
    elements; `css` is known to be valid CSS."""
    for selector in cssselect.parse(css):
        pseudo = selector.pseudo_element
        if pseudo is None:
            continue
        name = getattr(pseudo, "name", pseudo)
        what = "an attribute" if name == "attr" else "text"
        arguments = ", ".join(token.value for token in getattr(pseudo, "arguments", []))
        written = f"::{name}({arguments})" if name == "attr" else f"::{name}"
        raise ProfileError(
            f"{where}: {css!r} selects {what}, but this field must select elements "
            f"(remove {written!r})"
        )


def parse_profile(data: dict, source: str = "") -> SiteProfile:
    """Validate a profile's data (as read from TOML) and build it."""
    where = source or "profile"
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise ProfileError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ProfileError(f"{where}: 'name' is required")
    raw = data.get("selectors")
    if not isinstance(raw, dict):
        raise ProfileError(f"{where}: a [selectors] table is required")
    unknown = set(raw) - SELECTOR_KEYS
    if unknown:
        raise ProfileError(f"{where}: unknown selector(s) {', '.join(sorted(unknown))}")
    selectors = {key: _as_list(value, f"{where}: selectors.{key}") for key, value in raw.items()}
    for key in REQUIRED_SELECTORS:
        if key not in selectors:
            raise ProfileError(f"{where}: selectors.{key} is required")
    translator = HTMLTranslator()
    for key, values in selectors.items():
        for css in values:
            try:
                translator.css_to_xpath(css)
            except Exception as exc:  # cssselect raises several unrelated types
                raise ProfileError(
                    f"{where}: selectors.{key}: invalid CSS {css!r} ({exc})"
                ) from None
            if key in ELEMENT_SELECTORS:
                _check_selects_elements(css, f"{where}: selectors.{key}")
    domains = _as_list(data.get("domains", []), f"{where}: domains") if data.get("domains") else []
    asset_hosts = data.get("asset_hosts") or []
    asset_hosts = _as_list(asset_hosts, f"{where}: asset_hosts") if asset_hosts else []
    starts = data.get("start_urls") or []
    starts = _as_list(starts, f"{where}: start_urls") if starts else []
    for url in starts:
        if urlsplit(url).scheme not in ("http", "https"):
            raise ProfileError(f"{where}: start_urls: {url!r} is not an http(s) URL")
    return SiteProfile(
        name=name.strip(),
        selectors=selectors,
        domains=tuple(d.lower().strip(".") for d in domains),
        asset_hosts=tuple(d.lower().strip(".") for d in asset_hosts),
        start_urls=tuple(starts),
        description=str(data.get("description", "")),
        source=source,
    )


def _bundled() -> dict[str, str]:
    folder = resources.files(__package__)
    return {
        entry.name.removesuffix(".toml"): entry.name
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    }


def bundled_profiles() -> list[str]:
    return sorted(_bundled())


def load_profile(name_or_path: str) -> SiteProfile:
    """A bundled profile by name, or a profile file by path."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        if not path.is_file():
            raise ProfileError(f"profile file not found: {name_or_path}")
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ProfileError(f"{source}: not a profile (not UTF-8 text)") from None
        except OSError as exc:
            raise ProfileError(f"cannot read profile {source}: {exc.strerror}") from None
    else:
        files = _bundled()
        if name_or_path not in files:
            known = ", ".join(sorted(files)) or "none"
            raise ProfileError(f"unknown profile {name_or_path!r} (bundled: {known})")
        text = resources.files(__package__).joinpath(files[name_or_path]).read_text("utf-8")
        source = f"bundled:{name_or_path}"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{source}: not valid TOML ({exc})") from None
    return parse_profile(data, source)


def profile_for_host(host: str) -> SiteProfile | None:
    """The bundled profile whose domains cover this host, if any."""
    for name in bundled_profiles():
        profile = load_profile(name)
        if profile.matches_host(host):
            return profile
    return None
