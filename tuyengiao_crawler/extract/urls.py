"""URL canonicalisation and crawl scope, so one article is archived once and the crawl stays on its site."""

from __future__ import annotations

import ipaddress
import posixpath
import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import tldextract

# Query parameters that never change what a page shows: click and campaign trackers and
# session ids, dropped from the identity key only (requests keep them). Words a site may
# route on ("from", "ref", "share", "page", "id"...) are never in this list.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "zarsrc",
        "zalo_source",
        "_ga",
        "_gl",
        "mc_cid",
        "mc_eid",
        "sessionid",
        "session_id",
        "sid",
        "phpsessid",
        "jsessionid",
        "aspsessionid",
        "cfid",
        "cftoken",
    }
)
TRACKING_PREFIXES = ("utm_",)
INDEX_FILES = frozenset({"index.html", "index.htm", "index.php", "default.aspx", "default.asp"})
# Registered domains that host many unrelated sites (each province's Party portal is a
# sub-domain of dcs.vn), so scope must stop one label further down.
SHARED_DOMAINS = frozenset({"dcs.vn"})
_PATH_PARAMS = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
# The bundled snapshot only: tldextract must never fetch the suffix list over the network.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


# Cached: every page repeats the same links (menus, breadcrumbs, related articles).
@lru_cache(maxsize=8192)
def canonicalize_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, fragment,
    tracking or session parameters, index file or duplicate slashes; sorted query."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = f"[{host}]" if ":" in host else host  # an IPv6 address keeps its brackets
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{netloc}:{port}"
    path = _PATH_PARAMS.sub("", parts.path) or "/"
    path = re.sub(r"/{2,}", "/", path)
    if ".." in path or "/./" in path:
        normalized = posixpath.normpath(path)
        if path.endswith("/") and not normalized.endswith("/"):
            normalized += "/"
        path = normalized
    head, _, last = path.rpartition("/")
    if last.lower() in INDEX_FILES:
        path = head + "/"
    path = quote(unquote(path), safe="/%:@!$&'()*+,;=-._~")
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMS and not key.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def _is_ip_or_local(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)
def site_root(host: str) -> str:
    """The domain a site's scope hangs from: its registered domain, one label deeper on
    shared hosting domains, the host itself for IP addresses and localhost."""
    host = host.lower().rstrip(".")
    if _is_ip_or_local(host):
        return host
    parts = _EXTRACT(host)
    registered = f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain
    if registered in SHARED_DOMAINS and parts.subdomain:
        registered = f"{parts.subdomain.split('.')[-1]}.{registered}"
    return registered


class Scope:
    """Which URLs belong to the crawl: the sites' roots and their sub-domains.

    An IP address or localhost is in scope only with the same port, since several
    unrelated servers may share 127.0.0.1.
    """

    def __init__(self, start_urls: Iterable[str], extra_domains: Iterable[str] = ()) -> None:
        self.roots: set[str] = set()
        self.exact: set[tuple[str, int | None]] = set()
        for url in start_urls:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            if _is_ip_or_local(host):
                self.exact.add((host, parts.port))
            elif host:
                self.roots.add(site_root(host))
        self.roots.update(d.lower().strip(".") for d in extra_domains if d)

    def __contains__(self, url: str) -> bool:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:  # "http://[::1", "http://host:99999/": no page of ours
            return False
        if parts.scheme not in ("http", "https"):
            return False
        host = (parts.hostname or "").lower().rstrip(".")
        if (host, port) in self.exact:
            return True
        return any(host == root or host.endswith("." + root) for root in self.roots)

    @property
    def allowed_domains(self) -> list[str]:
        return sorted(self.roots | {host for host, _ in self.exact})
