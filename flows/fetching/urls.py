"""Canonical URLs, so that one article is one document.

``canonical_url`` is the identity of a page: the key of ``seen``, ``Page.url`` and the
warehouse's documents. It is not necessarily the URL fetched: discovery fetches the link as
the site wrote it (minus the fragment) and files the result under the canonical form, so a
server that cares about a trailing slash or parameter order is still asked the way it expects.

Rules, applied in this order:

- relative links resolve against ``base`` (``./t20240101_1.html``, ``../../``);
- scheme and host lower-cased, a trailing dot on the host dropped, the default port
  (80 for http, 443 for https) dropped;
- dot segments removed; an empty path becomes ``/``; a trailing slash on any other path is
  dropped (``/news/`` and ``/news`` are one page; ``/`` stays ``/``);
- the fragment dropped;
- tracking parameters dropped (see ``TRACKING_PARAMS`` and ``TRACKING_PREFIXES``), the
  remaining ones sorted by name then value, their bytes kept as written (percent escapes
  upper-cased, spaces and raw non-ASCII escaped); ``?id=`` stays ``?id=``.

Non-http(s) URLs (``mailto:``, ``javascript:``, ``file:``) are returned stripped, with only
the fragment removed from ``file:`` URLs.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

# Query parameters that only say where a reader came from; dropped wherever they appear.
TRACKING_PARAMS = frozenset(
    {
        "spm",  # Alibaba/Taobao/UC share links
        "from",  # WeChat/Weibo/Toutiao: from=timeline, from=singlemessage
        "isappinstalled",  # WeChat
        "scene",  # WeChat
        "clicktime",  # WeChat
        "enterid",  # WeChat
        "wfr",  # Weibo
        "sharer",
        "shareid",
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "ref_src",
    }
)
# Parameters dropped by prefix: utm_source, utm_medium, share_token, share_from, ...
TRACKING_PREFIXES = ("utm_", "share_", "share-")

_DEFAULT_PORTS = {"http": 80, "https": 443}
_QUERY_SAFE = "%/:@!$'()*+,;?~-._"
_PCT = re.compile(r"%[0-9a-fA-F]{2}")


def _is_tracking(name: str) -> bool:
    n = name.lower()
    return n in TRACKING_PARAMS or n.startswith(TRACKING_PREFIXES)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4, for absolute URLs that were not joined against a base."""
    if "." not in path:
        return path
    out: list[str] = []
    segments = path.split("/")
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if seg == ".":
            if last:
                out.append("")
        elif seg == "..":
            if len(out) > 1:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(seg)
    result = "/".join(out)
    return result if result.startswith("/") else "/" + result


def _host(parts) -> str:
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        host = f"{userinfo}@{host}"
    return host


def _query(query: str) -> str:
    """Tracking parameters dropped, the rest sorted; bytes kept as written.

    Not decoded and re-encoded: old ASP/JSP sites put GBK in their queries
    (``?keyword=%B9%AB%B0%B2``), which a UTF-8 round trip would turn into U+FFFD.
    """
    params = []
    for part in query.split("&"):
        if not part:
            continue
        name, eq, value = part.partition("=")
        if _is_tracking(unquote(name)):
            continue
        params.append((quote(name, safe=_QUERY_SAFE), eq, quote(value, safe=_QUERY_SAFE + "=")))
    params.sort()
    return "&".join(f"{n}{eq}{v}" for n, eq, v in params)


def canonical_url(url: str, base: str | None = None) -> str:
    """The canonical form of ``url`` (resolved against ``base`` when given)."""
    url = url.strip()
    if base is not None:
        url = urljoin(base.strip(), url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    # Percent-encode what the site left raw (spaces, Chinese characters), keeping what is there.
    path = quote(_remove_dot_segments(parts.path) or "/", safe="/%:@!$&'()*+,;=~-._")
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    query = _query(parts.query)
    path = _PCT.sub(lambda m: m.group(0).upper(), path)
    query = _PCT.sub(lambda m: m.group(0).upper(), query)
    return urlunsplit((scheme, _host(parts), path, query, ""))


def fetch_form(url: str, base: str | None = None) -> str:
    """The URL to request for a link: resolved against ``base``, without the fragment.

    Kept as the site wrote it otherwise; ``canonical_url`` is the identity under which the
    result is filed.
    """
    url = url.strip()
    if base is not None:
        url = urljoin(base.strip(), url)
    return urlunsplit(urlsplit(url)._replace(fragment=""))


def host_of(url: str) -> str:
    """The lower-cased host name of ``url`` (no port), '' when there is none."""
    return (urlsplit(url).hostname or "").rstrip(".").lower()
