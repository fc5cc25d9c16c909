"""sources.yaml: the sources an operator configures, validated with pydantic.

A bad file raises ConfigError with one message naming the file, the source and the field.
"""

from __future__ import annotations

import difflib
import ipaddress
import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from flows.errors import ConfigError


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$", max_length=80)]
    region: str | None = None  # the area the source speaks for, e.g. 云南省; resolves 全省/全市
    group: str | None = None  # deployments schedule sources by group (e.g. a province)
    stale_after_hours: float | None = None  # `pressetl status` flags the source past this


class _Http(_Base):
    allow_private_network: bool = False  # loopback/private addresses refused unless set (tests)
    allowed_hosts: list[str] = []  # redirects followed only to these hosts (and the source's own)
    recheck_seen: bool = False  # fetch already-seen article URLs again (conditional GET)
    max_articles: int | None = None  # at most this many articles a run
    delay_seconds: float | None = None  # minimum delay between requests to one host
    concurrency: int | None = None  # requests in flight per host

    def entry_urls(self) -> list[str]:
        raise NotImplementedError

    @model_validator(mode="after")
    def _check_network(self):
        for url in self.entry_urls():
            check_url(url, allow_private=self.allow_private_network)
        return self


class DirectorySource(_Base):
    """Local files: *.html, *.htm, *.txt (and .gz of those) under ``path``."""

    kind: Literal["directory"]
    path: Path
    glob: list[str] = ["*.html", "*.htm", "*.txt"]
    recursive: bool = False


class HttpSource(_Http):
    """A listing page whose links matching ``link_pattern`` are articles; optional pagination."""

    kind: Literal["http"]
    url: str
    link_pattern: str
    next_page_pattern: str | None = None  # regex for the next-page link on a listing page
    page_url_template: str | None = None  # e.g. https://x/list_{page}.html, pages 2..max_pages
    max_pages: int = 1

    @field_validator("link_pattern", "next_page_pattern")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as e:
                raise ValueError(f"not a valid regular expression: {e}") from e
        return v

    def entry_urls(self) -> list[str]:
        return [self.url]


class FeedSource(_Http):
    """An RSS or Atom feed."""

    kind: Literal["feed"]
    url: str

    def entry_urls(self) -> list[str]:
        return [self.url]


class SitemapSource(_Http):
    """An XML sitemap (or sitemap index)."""

    kind: Literal["sitemap"]
    url: str
    link_pattern: str | None = None

    def entry_urls(self) -> list[str]:
        return [self.url]


class UrlListSource(_Http):
    """An explicit list of article URLs."""

    kind: Literal["urls"]
    urls: list[str]

    def entry_urls(self) -> list[str]:
        return list(self.urls)


class WarcSource(_Base):
    """A WARC archive of fetched pages, for backfills."""

    kind: Literal["warc"]
    path: Path
    link_pattern: str | None = None


Source = Annotated[
    DirectorySource | HttpSource | FeedSource | SitemapSource | UrlListSource | WarcSource,
    Field(discriminator="kind"),
]


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    sources: list[Source]

    @model_validator(mode="after")
    def _unique(self):
        seen: set[str] = set()
        for s in self.sources:
            if s.name in seen:
                raise ValueError(f"two sources are named {s.name!r}")
            seen.add(s.name)
        return self


def address_is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is globally reachable: not private, loopback, link-local, shared,
    reserved, multicast or unspecified, also when an IPv6 address carries an IPv4 one
    (::ffff:127.0.0.1, 6to4, Teredo)."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not address_is_public(embedded):
            return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified or ip.is_loopback
                                 or ip.is_link_local or ip.is_private)


def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse non-http(s) URLs, and loopback/private/link-local hosts unless allowed.

    This sees the host as written; a host name that resolves to such an address is refused
    when the connection is made (flows.fetching.guard)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an http(s) URL")
    if allow_private:
        return
    host = parts.hostname
    if host == "localhost" or host.endswith(".localhost"):
        raise ValueError(f"{url!r} is a loopback address (set allow_private_network: true to allow it)")
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return
    if not address_is_public(ip):
        raise ValueError(f"{url!r} is a private or loopback address (set allow_private_network: true to allow it)")


def _where(cfg: dict, loc: tuple) -> str:
    """'source 'x', field 'y'' from a pydantic error location."""
    if len(loc) >= 2 and loc[0] == "sources" and isinstance(loc[1], int):
        idx = loc[1]
        name = None
        try:
            name = cfg["sources"][idx].get("name")
        except (KeyError, IndexError, TypeError, AttributeError):
            pass
        who = f"source {name!r}" if name else f"source #{idx + 1}"
        rest = [str(p) for p in loc[2:]]
        if rest and rest[0] in ("directory", "http", "feed", "sitemap", "urls", "warc"):
            rest = rest[1:]  # the kind pydantic validated against, not a field (a field may share its name: urls)
        return who + (f", field {'.'.join(rest)!r}" if rest else "")
    return "field " + ".".join(str(p) for p in loc)


KINDS = {"directory": DirectorySource, "http": HttpSource, "feed": FeedSource, "sitemap": SitemapSource,
         "urls": UrlListSource, "warc": WarcSource}


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else "known: " + ", ".join(choices)


def _explain(cfg: dict, err: dict) -> str:
    """One line for a pydantic error: where (source, field) and what, with a suggestion for
    an unknown field or kind."""
    loc = tuple(err["loc"])
    if err["type"] == "extra_forbidden":
        field = str(loc[-1])
        kind = loc[2] if len(loc) >= 3 and loc[0] == "sources" and loc[2] in KINDS else None
        model = KINDS[kind] if kind else SourcesFile
        where = _where(cfg, loc[:-1]) + ": " if len(loc) > 1 else ""
        return f"{where}unknown field {field!r} ({_did_you_mean(field, list(model.model_fields))})"
    if err["type"] == "union_tag_invalid":
        tag = str((err.get("ctx") or {}).get("tag", ""))
        return f"{_where(cfg, loc)}, field 'kind': unknown kind {tag!r} ({_did_you_mean(tag, list(KINDS))})"
    return f"{_where(cfg, loc)}: {err['msg']}"


def parse_sources(data: object, *, origin: str = "sources.yaml", base_dir: Path | None = None) -> list[Source]:
    """Validate already-loaded YAML data; relative directory paths resolve against base_dir.

    The first mistake becomes one ConfigError naming the file, the source and the field; an
    unknown field is reported before anything else (a misspelt key also makes the real one
    "missing"), with the closest known field."""
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: expected a mapping with a 'sources' list at the top")
    try:
        parsed = TypeAdapter(SourcesFile).validate_python(data)
    except ValidationError as e:
        errors = e.errors()
        first = next((x for x in errors if x["type"] == "extra_forbidden"), errors[0])
        raise ConfigError(f"{origin}: {_explain(data, first)}") from None
    out: list[Source] = []
    for s in parsed.sources:
        if isinstance(s, (DirectorySource, WarcSource)) and base_dir is not None and not s.path.is_absolute():
            s = s.model_copy(update={"path": (base_dir / s.path).resolve()})
        out.append(s)
    return out


def load_sources(path: Path) -> list[Source]:
    """Read and validate a sources file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such sources file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read: {e}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ConfigError(f"{path}: not valid YAML{_yaml_where(e)}") from None
    return parse_sources(data, origin=str(path), base_dir=Path(path).resolve().parent)


def _yaml_where(e: yaml.YAMLError) -> str:
    """' at line L, column C: what' from a YAML error, on one line."""
    mark = getattr(e, "problem_mark", None)
    problem = getattr(e, "problem", None) or str(e)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    return f"{where}: {' '.join(str(problem).split())}"


def samples_config() -> Path:
    """The bundled samples' sources file."""
    return Path(__file__).resolve().parent / "samples" / "sources.yaml"
