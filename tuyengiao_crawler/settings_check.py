"""Crawl settings checked before anything starts (`tuyengiao crawl -s NAME=VALUE`,
`run_crawl(overrides=...)`).

Scrapy reads a setting only when the component that needs it is built, inside Twisted's
reactor: a value it cannot read (`CONCURRENT_REQUESTS=abc`, `ROBOTSTXT_OBEY=maybe`) was an
"Unhandled error in Deferred" traceback after the lock file and the archive had been
created, and a value it can read but should not take (`DOWNLOAD_TIMEOUT=-5`,
`TUYENGIAO_PROGRESS_INTERVAL=0`) was taken. Here every value is read once, up front, and
the first bad one is a one-line `SettingError` naming it.

Our own settings (TUYENGIAO_*, see settings.py) and the Scrapy settings a crawl most often
changes have a rule with a sane range; other Scrapy settings are read as the type of their
default value (int, float, bool, a JSON object for dicts); names Scrapy does not know are
passed on unchanged, as Scrapy does, except unknown TUYENGIAO_* names (a typo would be
silently ignored).
"""

from __future__ import annotations

import difflib
import ipaddress
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.settings import default_settings

from tuyengiao_crawler import settings as project_settings
from tuyengiao_crawler.archive.queries import check_archive_file
from tuyengiao_crawler.errors import TuyengiaoError
from tuyengiao_crawler.profiles import load_profile

# A Rule turns a value (a string from the command line, or a Python value) into the value
# the crawl uses, or raises ValueError with the reason, worded to follow "setting X='v' ".
Rule = Callable[[Any], Any]

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
# Scrapy's resolver for IPv6: its default (CachingThreadedResolver) looks names up with
# gethostbyname, IPv4 only, so `http://[::1]:PORT/` failed with "DNS lookup failed".
IPV6_RESOLVER = "scrapy.resolver.CachingHostnameResolver"
RESOLVER_SETTINGS = ("TWISTED_DNS_RESOLVER", "DNS_RESOLVER")


class SettingError(TuyengiaoError):
    """A setting whose value the crawl cannot use; the message names the setting."""


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf") and char not in "\u200c\u200d"


def integer(low: int, high: int | None = None) -> Rule:
    """A whole number from `low` to `high` (no upper bound if None)."""

    def rule(value: Any) -> int:
        if isinstance(value, bool):
            raise ValueError("is not an integer")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int):
            try:
                value = int(str(value).strip())
            except ValueError:
                raise ValueError("is not an integer") from None
        _in_range(value, low, high)
        return value

    return rule


def number(low: float, high: float | None = None, *, above: bool = False) -> Rule:
    """A finite number from `low` (or more than `low` when `above`) to `high`."""

    def rule(value: Any) -> float:
        if isinstance(value, bool):
            raise ValueError("is not a number")
        try:
            value = float(value if isinstance(value, int | float) else str(value).strip())
        except ValueError:
            raise ValueError("is not a number") from None
        if not math.isfinite(value):
            raise ValueError("is not a finite number")
        if above and value <= low:
            raise ValueError(f"must be more than {low:g}")
        _in_range(value, low, high)
        return value

    return rule


def _in_range(value: float, low: float, high: float | None) -> None:
    if value < low or (high is not None and value > high):
        span = f"from {low:g} to {high:g}" if high is not None else f"at least {low:g}"
        raise ValueError(f"is out of range: must be {span}")


def boolean(value: Any) -> bool:
    """true/false, yes/no, on/off or 1/0 (Scrapy itself takes only 1/0 and true/false)."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("is not a boolean (use true/false, yes/no, on/off or 1/0)")


def reactor_on(value: Any) -> bool:
    """TWISTED_REACTOR_ENABLED: on. The CLI's crawl runs in Scrapy's CrawlerProcess, on
    Twisted's reactor; Scrapy's reactorless mode was an "unexpected RuntimeError" there,
    after the archive and its lock file had been made. (`scrapy crawl archive` runs
    without the reactor, fleet workers too: their timers are Scrapy's looping calls.)"""
    if not boolean(value):
        raise ValueError("is not supported: the crawl runs on Twisted's reactor")
    return True


def choice(*options: str, upper: bool = False) -> Rule:
    """One of `options`, case ignored; returned in the case the options are written in."""

    def rule(value: Any) -> str:
        word = str(value).strip()
        for option in options:
            if word.lower() == option.lower():
                return option.upper() if upper else option
        raise ValueError(f"must be one of {', '.join(options)}")

    return rule


def text(value: Any) -> str:
    """Any text on one line: it goes into HTTP headers (User-Agent), where a line break or
    another control character breaks the request."""
    value = str(value)
    if any(_is_control(char) for char in value):
        raise ValueError("holds a line break or another control character")
    return value


def json_object(value: Any) -> Any:
    """A dict, or its JSON text (as Scrapy reads dict settings given as strings)."""
    if isinstance(value, dict):
        return value
    try:
        parsed = json.loads(str(value))
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        raise ValueError('is not a JSON object (e.g. {"name": 100})')
    return value


def _items(value: Any) -> list[str]:
    """A list setting's items: a list, or comma-separated text (as Scrapy's getlist)."""
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value]
    return [item.strip() for item in str(value).split(",") if item.strip()]


def url_list(value: Any) -> Any:
    """Start URLs that a crawl can start from."""
    for url in _items(value):
        problem = start_url_problem(url)
        if problem:
            raise ValueError(f"holds an invalid start URL {url!r}: {problem}")
    return value


def domain_list(value: Any) -> Any:
    """Host names (a domain covers its sub-domains), without scheme, port or path."""
    for domain in _items(value):
        if not domain or any(c in domain for c in "/:@?#[] ") or _has_control(domain):
            raise ValueError(f"holds {domain!r}, which is not a domain name such as example.gov.vn")
    return value


def _has_control(value: str) -> bool:
    return any(_is_control(char) for char in value)


def profile(value: Any) -> str:
    """A bundled profile name or a .toml file that validates (empty: choose by host)."""
    value = str(value).strip()
    if value:
        try:
            load_profile(value)
        except TuyengiaoError as exc:
            raise ValueError(f"is not a usable profile: {exc}") from None
    return value


def folder(value: Any) -> str:
    """A folder, or a path where one can be made (empty: the default)."""
    value = str(value).strip()
    path = Path(value)
    if value and path.exists() and not path.is_dir():
        raise ValueError("names a file, not a folder")
    if value and any(parent.exists() and not parent.is_dir() for parent in path.parents):
        raise ValueError("is under a file, not a folder")
    return value


SECONDS_MAX = 86_400.0  # a day: longer waits are a mistake, not a choice
RULES: dict[str, Rule] = {
    # Our own (settings.py says what each does).
    "TUYENGIAO_START_URLS": url_list,
    "TUYENGIAO_PROFILE": profile,
    "TUYENGIAO_EXTRA_DOMAINS": domain_list,
    "TUYENGIAO_CONTACT": text,
    "TUYENGIAO_WARC_DIR": folder,
    "TUYENGIAO_WARC_MAX_BYTES": integer(0),
    "TUYENGIAO_FULL": boolean,
    "TUYENGIAO_RESUME": boolean,
    "TUYENGIAO_STALE_LISTING_PAGES": integer(1, 10_000),
    "TUYENGIAO_FETCH_ASSETS": boolean,
    "TUYENGIAO_FETCH_REQUISITES": boolean,
    "TUYENGIAO_ASSET_HOSTS": domain_list,
    "TUYENGIAO_PROGRESS": choice("auto", "live", "lines", "off"),
    # Below a second the progress lines drown the log (0 printed tens of thousands).
    "TUYENGIAO_PROGRESS_INTERVAL": number(1, SECONDS_MAX),
    "TUYENGIAO_RETRY_BACKOFF": number(0, 3600),
    "TUYENGIAO_RETRY_BACKOFF_MAX": number(0, SECONDS_MAX),
    "TUYENGIAO_RETRY_AFTER_MAX": number(0, SECONDS_MAX),
    "TUYENGIAO_MAX_LISTING_PAGES": integer(1, 10_000_000),
    "TUYENGIAO_CALENDAR_BARREN_DAYS": integer(1, 100_000),
    "TUYENGIAO_MIN_FREE_MB": number(0),
    "TUYENGIAO_COVERAGE_MIN_ARTICLES": integer(1, 10_000_000),
    "TUYENGIAO_COVERAGE_RUNS": integer(1, 1000),
    "TUYENGIAO_COVERAGE_DROP": number(0, 100),
    "TUYENGIAO_REDIS_URL": text,
    "TUYENGIAO_REDIS_KEY": text,
    "TUYENGIAO_IDLE_EXIT": number(0, SECONDS_MAX),
    "TUYENGIAO_REDIS_LEASE": number(1, SECONDS_MAX),
    "TUYENGIAO_FLEET_PER_DOMAIN": integer(0, 1000),
    "TUYENGIAO_BASELINE": text,
    # Scrapy's, with the ranges a crawl can run with (0 concurrency never fetches).
    "CONCURRENT_REQUESTS": integer(1, 1000),
    "CONCURRENT_REQUESTS_PER_DOMAIN": integer(1, 1000),
    "CONCURRENT_REQUESTS_PER_IP": integer(0, 1000),
    "CONCURRENT_ITEMS": integer(1, 10_000),
    "DEPTH_LIMIT": integer(0, 10_000),
    "RETRY_TIMES": integer(0, 100),
    "REDIRECT_MAX_TIMES": integer(0, 1000),
    "DOWNLOAD_MAXSIZE": integer(0),
    "DOWNLOAD_WARNSIZE": integer(0),
    "CLOSESPIDER_PAGECOUNT": integer(0),
    "CLOSESPIDER_ITEMCOUNT": integer(0),
    "CLOSESPIDER_ERRORCOUNT": integer(0),
    "CLOSESPIDER_TIMEOUT": number(0),
    "DOWNLOAD_TIMEOUT": number(0, SECONDS_MAX, above=True),
    "DNS_TIMEOUT": number(0, SECONDS_MAX, above=True),
    "DOWNLOAD_DELAY": number(0, SECONDS_MAX),
    "AUTOTHROTTLE_START_DELAY": number(0, SECONDS_MAX),
    "AUTOTHROTTLE_MAX_DELAY": number(0, SECONDS_MAX),
    "AUTOTHROTTLE_TARGET_CONCURRENCY": number(0, 1000, above=True),
    "LOGSTATS_INTERVAL": number(0, SECONDS_MAX),
    "LOG_LEVEL": choice("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL", upper=True),
    "USER_AGENT": text,
    "TWISTED_REACTOR_ENABLED": reactor_on,
}


def _default(name: str) -> tuple[bool, Any]:
    """(known, default value): ours first, then Scrapy's."""
    for module in (project_settings, default_settings):
        if name.isupper() and hasattr(module, name):
            return True, getattr(module, name)
    return False, None


def _inferred(default: Any) -> Rule | None:
    """The rule a default value implies (Scrapy reads such settings with getint, getfloat,
    getbool or getdict); None for text and lists, which any value is."""
    if isinstance(default, bool):
        return boolean
    if isinstance(default, int):
        return integer(-(2**63), 2**63 - 1)
    if isinstance(default, float):
        return number(-math.inf)
    if isinstance(default, dict):
        return json_object
    return None


def _unknown(name: str) -> SettingError | None:
    """An error for a name that is surely a typo: one of ours, or a known name in the
    wrong case (Scrapy would silently ignore both)."""
    if name != name.upper() and _default(name.upper())[0]:
        return SettingError(
            f"unknown setting {name!r}; setting names are upper case: {name.upper()}"
        )
    if name.startswith("TUYENGIAO_"):
        ours = [n for n in dir(project_settings) if n.startswith("TUYENGIAO_")]
        close = difflib.get_close_matches(name, ours, n=1)
        hint = f"; did you mean {close[0]}?" if close else " (see tuyengiao_crawler/settings.py)"
        return SettingError(f"unknown setting {name}{hint}")
    return None


def check_setting(name: str, value: Any) -> Any:
    """One setting's value as the crawl will use it; SettingError names it if it is bad."""
    known, default = _default(name)
    if not known:
        error = _unknown(name)
        if error:
            raise error
        return value
    rule = RULES.get(name) or _inferred(default)
    if rule is None:
        return value
    try:
        return rule(value)
    except ValueError as exc:
        raise SettingError(f"setting {name}={_shown(value)} {exc}") from None


def _shown(value: Any) -> str:
    shown = value if isinstance(value, str) else json.dumps(value, default=str)
    shown = repr(shown) if isinstance(value, str) else shown
    return shown if len(shown) <= 80 else shown[:77] + "..."


def check_archive_setting(value: Any, db: str | Path | None) -> str:
    """TUYENGIAO_DB: the archive the crawl writes, checked before any file (the lock file
    beside it, the archive itself) is made; it must be the archive given as `db`, since
    the runner locks and reports on that one."""
    path = str(value).strip()
    if not path:
        raise SettingError("setting TUYENGIAO_DB='' must name the archive file")
    if db is not None and Path(path).resolve() != Path(db).resolve():
        raise SettingError(
            f"setting TUYENGIAO_DB={path!r} names another archive than --db {db}; "
            "give the archive with --db"
        )
    try:
        check_archive_file(Path(path), empty_ok=True)
    except TuyengiaoError as exc:
        raise SettingError(f"setting TUYENGIAO_DB={path!r}: {exc}") from None
    return path


def check_settings(
    overrides: Mapping[str, Any] | None, db: str | Path | None = None
) -> dict[str, Any]:
    """The settings with their values as the crawl will use them (typed: `ROBOTSTXT_OBEY=no`
    becomes False); a one-line SettingError for the first bad one."""
    checked: dict[str, Any] = {}
    for name, value in (overrides or {}).items():
        if name == "TUYENGIAO_DB":
            checked[name] = check_archive_setting(value, db)
        else:
            checked[name] = check_setting(name, value)
    return checked


def start_url_problem(url: str) -> str | None:
    """Why a crawl cannot start from `url` (a sentence fragment), or None if it can."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        # urlsplit complains only about brackets: unbalanced, or holding no IPv6 address.
        literal = re.search(r"\[([^\]]*)\]", url)
        if literal:
            return f"malformed IPv6 address [{literal.group(1)}]"
        return "malformed IPv6 address: unbalanced brackets"
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "expected http(s)://host/..."
    host_port = parts.netloc.rpartition("@")[2]
    if host_port.startswith("["):
        literal, _, rest = host_port[1:].partition("]")
        try:
            ipaddress.IPv6Address(literal)
        except ValueError:
            return f"malformed IPv6 address [{literal}]"
        if rest and not rest.startswith(":"):
            return f"unexpected {rest!r} after the IPv6 address"
    elif "[" in host_port or "]" in host_port or host_port.count(":") > 1:
        return "malformed host (an IPv6 address goes in brackets: http://[::1]:8000/)"
    host = parts.hostname or ""
    if not host or any(c.isspace() for c in host) or _has_control(host):
        return "expected http(s)://host/..."
    try:
        port = parts.port
    except ValueError:
        port_text = host_port.rpartition(":")[2]
        if port_text.isdigit():
            return f"port {port_text} is out of range (1-65535)"
        return f"port {port_text!r} is not a number"
    if port == 0:
        return "port 0 is out of range (1-65535)"
    return None


def is_ipv6_literal(url: str) -> bool:
    """Whether the URL's host is an IPv6 address (`http://[::1]:8000/`)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
        return isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address)
    except ValueError:
        return False


def crawl_overrides(
    overrides: Mapping[str, Any] | None, db: str | Path, start_urls: Iterable[str] = ()
) -> dict[str, Any]:
    """What `run_crawl` gives Scrapy: the checked settings, with an IPv6-capable resolver
    when a start URL is an IPv6 address and none was chosen. Also refuses, before any file
    is made, an archive path that names no SQLite database."""
    checked = check_settings(overrides, db)  # first: its errors name the setting
    check_archive_file(Path(db), empty_ok=True)
    if any(is_ipv6_literal(url) for url in start_urls) and not any(
        name in checked for name in RESOLVER_SETTINGS
    ):
        checked["TWISTED_DNS_RESOLVER"] = IPV6_RESOLVER
    return checked
