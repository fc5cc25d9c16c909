"""A fetched page to a Document: the article's text, title, site and publication date.

    Page --decode--> str --trafilatura--> text + metadata --furniture trim--> Document

- .txt pages (by URL or Content-Type text/plain) keep their decoded text as it is; the
  title is the first line that is not a breadcrumb.
- HTML goes through trafilatura tuned for recall (no article paragraph lost), tables kept,
  comments dropped; then lines of page furniture trafilatura lets through are trimmed from
  the two ends only (copyright, 责任编辑, share bars, related links), never from the body.
- published_at: the page's own dateline first (the short lines under the title, then a
  labelled 发布时间/发布日期/时间 line anywhere, then a date line that signs off the
  article), then <meta> publication tags, then a date in the URL, and htmldate (through
  trafilatura) last. A date after the fetch (plus a day for time zones) or before 1990 is
  never taken.

An empty body, a binary that is not text, and a page with no article text raise CleanError
with a reason an operator can act on; a Document always has text.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import trafilatura
from lxml import etree

from flows.cleaning.decode import decode
from flows.errors import CleanError
from flows.model import Document, Page

_TRAFILATURA = logging.getLogger("trafilatura")
if _TRAFILATURA.level == logging.NOTSET:
    # trafilatura logs "discarding data: None" when it finds no article, and errors on broken
    # markup ("lxml parsing failed", "empty HTML tree"): clean() reports each of these as a
    # CleanError row naming the page, so unless configured otherwise only its critical
    # messages reach the run's log
    _TRAFILATURA.setLevel(logging.CRITICAL)

EARLIEST = date(1990, 1, 1)
MAX_GUNZIPPED = 20_000_000  # bytes a gzip body may expand to
MIN_ARTICLE_CHARS = 30  # characters in prose lines (with ，。；) below which a page has no article
DATELINE_LINES = 5  # non-empty lines under the title searched for the dateline
DATELINE_MAX_LEN = 90  # a dateline is a short line; a body paragraph with a date in it is not
SIGNOFF_MAX_LEN = 40  # a closing line like "云南省统计局 2024年7月19日"

# ---------------------------------------------------------------------------------------
# Tables: what is not an article. Patterns as data, read by one helper each.

# the start of bodies that are files of some other kind
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (doc/xls)"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"ID3", "an MP3 file"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
)
TEXTUAL_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom")

# copyright and reprint notices: furniture even when written as a sentence
NOTICE_PATTERNS: tuple[str, ...] = (
    r"版权所有|版权声明|免责声明|版权和免责|Copyright|©|All Rights Reserved",
    r"未经.{0,12}(?:许可|授权).{0,12}转载|转载请注明|不得转载",
)
# a line matching one of these, at either end of the extracted text, is page furniture
FURNITURE_LINE_PATTERNS: tuple[str, ...] = (
    r"责任编辑|责编[:：]|^[【\[（(]?\s*(?:编辑|编审|审核|校对|初审|复审|终审|审签|签发|值班编辑)\s*[:：]",
    r"\(c\)\s*\d{4}|ICP备|ICP证|公网安备|网站标识码|网站识别码|主办单位|承办单位|技术支持|运维单位|网站地图|联系我们",
    r"浏览器|分辨率|浏览次数|阅读次数|点击数|访问量|阅读量",
    r"分享到|分享至|扫一扫|扫码|打印本页|关闭窗口|【\s*(?:打印|关闭|纠错|收藏|返回顶部)\s*】|返回顶部|加入收藏|设为首页",
    r"^[【\[]?\s*字号|^【?\s*大\s*[】|]?\s*中\s*[】|]?\s*小\s*】?$|^\s*(?:大|中|小)\s*$",
    r"^(?:上一篇|下一篇|上一条|下一条)",
    r"^[【\[]?\s*(?:相关链接|相关新闻|相关阅读|相关文章|延伸阅读|推荐阅读|热点推荐|热门文章)",
    r"^标签\s*[:：]|^关键词\s*[:：]",
    # info lines around the dateline (the date itself is kept in published_at)
    r"^[【\[(（]?\s*(?:来源|信息来源|文章来源|稿件来源|发布时间|发布日期|发稿时间|日期|时间|作者|字体)\s*[:：]",
    r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源|作者|编辑)",
)
# headings after which the rest of the text is a list of links (when near the end)
LINK_LIST_HEADINGS = r"^[【\[]?\s*(?:相关链接|相关新闻|相关阅读|相关文章|延伸阅读|推荐阅读|热点推荐|热门文章)"
# a line matching one of these at the top of the text is a breadcrumb
BREADCRUMB_PATTERNS: tuple[str, ...] = (
    r"^\s*(?:您当前的位置|您当前位置|当前位置|您的位置|您现在的位置|所在位置|位置)\s*[:：]?",
    r"(?:\s[>»›]\s.*){2,}",  # 首页 > 新闻 > 正文
)

# labels that introduce a publication date
DATE_LABELS = r"(?:发布时间|发布日期|发稿时间|发文日期|成文日期|发表时间|发表于|时间|日期|来源)"

# <meta> tags that carry a publication date: attribute value (lower-cased) of name/property/itemprop
META_DATE_NAMES: tuple[str, ...] = (
    "pubdate",
    "publishdate",
    "publish_date",
    "publishtime",
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "contentpublishdate",
    "firstpublishedtime",
    "article_date_original",
)

# a date written in a URL: /2024/0716/, /202407/t20240716_, /2024-07/16/, /20240716/
URL_DATE_PATTERNS: tuple[str, ...] = (
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>\d\d)[/-]?(?P<d>\d\d)/",
    r"[/_t](?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)(?:[/_.]|\d{2,})",
)

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# full dates with a year, each with named groups y, m, d
DATE_PATTERNS: tuple[str, ...] = (
    r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日",
    r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)",
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)",  # 26.12.2014
    r"(?P<y>[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日",
)

# traditional characters of the words above, folded to simplified before matching (Big5 pages)
_TRAD = str.maketrans(
    "責編輯審籤簽權聲關鏈聞讀閱頁閉掃碼覽擊數標網銜維導轉載許來時間發佈稿檔條關鍵詞單術援議辦頂藏",
    "责编辑审签签权声关链闻读阅页闭扫码览击数标网衔维导转载许来时间发布稿档条关键词单术援议办顶藏",
)
_FURNITURE_RE = re.compile("|".join(f"(?:{p})" for p in (*NOTICE_PATTERNS, *FURNITURE_LINE_PATTERNS)), re.I)
_NOTICE_RE = re.compile("|".join(f"(?:{p})" for p in NOTICE_PATTERNS), re.I)
_LINK_LIST_RE = re.compile(LINK_LIST_HEADINGS)
_BREADCRUMB_RE = re.compile("|".join(f"(?:{p})" for p in BREADCRUMB_PATTERNS))
_DATE_RES = tuple(re.compile(p) for p in DATE_PATTERNS)
_LABELLED_RE = re.compile(DATE_LABELS + r"\s*[:：]?\s*[^\n]{0,40}?(?=\d{4}|[〇零○一二三四五六七八九]{4}|\d{1,2}\.\d{1,2}\.\d{4})")
# a line that ends in a date and has no sentence in it: "云南省统计局 2024年7月19日"
_SIGNOFF_RE = re.compile(r"^[^，,。；;:：\d]*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$")
_URL_DATE_RES = tuple(re.compile(p) for p in URL_DATE_PATTERNS)
_PROSE_RE = re.compile(r"[，。；！？,;]")  # sentence punctuation; not ：, which info lines have
_BLOCK_TAGS = frozenset(
    "p div br li ul ol tr td th table h1 h2 h3 h4 h5 h6 section article header footer nav aside "
    "blockquote pre dd dt dl form center title hr".split()
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object", "svg"})


# ---------------------------------------------------------------------------------------
# Public API


def clean(page: Page, *, now: datetime | None = None) -> Document:
    """The article in ``page`` as a Document; CleanError (or DecodeError) when there is none.

    ``now`` stands in for the fetch time when the page has none (tests); dates after it
    are not publication dates.
    """
    url = page.url
    body = page.body
    local = url.startswith("file:")  # a local file: no HTTP status, a Content-Type made from its suffix
    if not body or not body.strip():
        raise CleanError(url, f"empty file ({len(body)} bytes)" if local
                         else f"empty body ({len(body)} bytes, HTTP {page.status})")
    body = _gunzip(body, url)
    ctype = _header(page.headers, "content-type").split(";")[0].strip().lower()
    if what := _binary_kind(body):
        raise CleanError(url, f"not HTML: the {'file' if local else 'body'} is {what}"
                         + (f" (Content-Type {ctype})" if ctype and not local else ""))
    if ctype and not ctype.startswith(TEXTUAL_TYPES):
        raise CleanError(url, f"not HTML: Content-Type is {ctype}")

    fetched = page.fetched_at or now or datetime.now(UTC)
    not_after = (fetched if fetched.tzinfo else fetched.replace(tzinfo=UTC)).astimezone(UTC).date() + timedelta(days=1)

    text, encoding = decode(body, page.headers, url=url)
    if not text.strip():
        raise CleanError(url, f"empty page: {len(body)} bytes of whitespace once decoded as {encoding}")

    if _is_plain_text(url, ctype, text):
        return _clean_plain(page, text, encoding, not_after)
    return _clean_html(page, text, encoding, not_after)


def clean_file(path: str | Path, *, source: str = "local", now: datetime | None = None) -> Document:
    """Clean a local .html/.htm/.txt file (or its .gz) as a Page with a file:// URL."""
    p = Path(path).resolve()
    return clean(Page(url=p.as_uri(), source=source, body=p.read_bytes()), now=now)


clean_text_file = clean_file  # the name the first plan used


def parse_dateline(text: str, *, not_after: date | None = None) -> date | None:
    """The first full date (with a year) in ``text`` that is a plausible publication date.

    Reads 2018年06月26日, 2024-06-20, 2024/6/20, 2024.01.25, 26.12.2014 and
    二〇二四年七月十九日; a time after the date is ignored. Dates before 1990, after
    ``not_after``, or impossible (2024年13月40日) are skipped.
    """
    found: list[tuple[int, date]] = []
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            d = _to_date(m.group("y"), m.group("m"), m.group("d"))
            if d is not None and EARLIEST <= d and (not_after is None or d <= not_after):
                found.append((m.start(), d))
                break
    return min(found)[1] if found else None


# ---------------------------------------------------------------------------------------
# Plain text


def _clean_plain(page: Page, text: str, encoding: str, not_after: date) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    title = next((ln.strip() for ln in lines if ln.strip() and not _BREADCRUMB_RE.search(ln.translate(_TRAD))), None)
    short_title = title if title and len(title) <= 60 else None  # a long first line is a paragraph, not a headline
    published = _dateline_under_title(lines, short_title, not_after) or _labelled_date(lines, not_after)
    published = published or _signoff_date(lines, not_after) or _url_date(page.url, not_after)
    return Document(
        url=page.url,
        source=page.source,
        text=text,
        title=title,
        published_at=published,
        author=None,
        site=None,
        encoding=encoding,
        page_sha256=page.sha256,
    )


# ---------------------------------------------------------------------------------------
# HTML


def _clean_html(page: Page, html: str, encoding: str, not_after: date) -> Document:
    url = page.url
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses str input with an encoding declaration
    tree = _parse(html)
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url if url.startswith("http") else None,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,  # text search is ours; htmldate's calls dateparser (seconds) and reads 2024年06月20日 as 2024-01-01
                "min_date": EARLIEST.isoformat(),
                "max_date": not_after.isoformat(),
            },
        )
    except AssertionError:  # lxml asserts on some broken nestings (<body><html><script>): no article
        extracted = None
    raw = (extracted.text or "") if extracted is not None else ""
    raw_lines = [ln.strip() for ln in raw.replace("\r", "\n").split("\n") if ln.strip()]
    page_lines = _visible_lines(tree) if tree is not None else []
    title = _title(extracted, tree, raw_lines)
    lines, title_seen = _trim_furniture(raw_lines, title)
    prose = sum(len(ln) for ln in lines if _is_prose(ln))
    if prose < MIN_ARTICLE_CHARS:
        said = "trafilatura returned nothing" if not raw_lines else f"only {prose} characters of prose after trimming page furniture"
        visible = len("".join(page_lines))
        raise CleanError(url, f"no article text found ({said}; page has {len(html)} characters of markup, {visible} of visible text)")
    if title:
        heads = [title] if title_seen else _headings(page_lines, title, lines[0])
        lines = [*heads, *lines]  # the headline leads, as on the page: its figures count too
    text = "\n".join(lines)
    published = (
        _dateline_under_title(page_lines, title, not_after)
        or _labelled_date(page_lines, not_after)
        or _dateline_under_title(raw_lines, title or raw_lines[0], not_after)
        or _labelled_date(raw_lines, not_after)
        or _signoff_date(lines, not_after)
        or _meta_date(tree, not_after)
        or _url_date(url, not_after)
        or _htmldate(extracted, page_lines, not_after)
    )
    return Document(
        url=url,
        source=page.source,
        text=text,
        title=title,
        published_at=published,
        author=(extracted.author or None) if extracted is not None else None,
        site=_site(extracted, tree),
        encoding=encoding,
        page_sha256=page.sha256,
    )


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _visible_lines(tree: lxml.html.HtmlElement) -> list[str]:
    """The page's visible text, one line per block, scripts and <head> left out."""
    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    skipping = 0  # depth inside a skipped element (iterative: deeply nested pages do not recurse)
    for event, el in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event in ("comment", "pi"):
            if el.tail and not skipping:
                parts.append(el.tail)
            continue
        if event == "start":
            if skipping or tag in _SKIP_TAGS:
                skipping += 1
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.text and tag:
                parts.append(el.text)
            continue
        if skipping:
            skipping -= 1
            if skipping:
                continue
        elif tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.tail and el is not root:
            parts.append(el.tail)
    return [" ".join(ln.split()) for ln in "".join(parts).split("\n") if ln.strip()]


def _title(extracted, tree, lines: list[str]) -> str | None:
    """trafilatura's title without a trailing site name; else the first <h1>; else the first line."""
    title = (extracted.title or "").strip() if extracted is not None else ""
    if title:
        site = (extracted.sitename or "").strip()
        for sep in ("_", " - ", "-", "|", "｜", "——", " – "):
            head, _, tail = title.rpartition(sep)
            if head and tail and (tail.strip() == site or len(tail.strip()) < len(head.strip()) / 2 and _looks_like_site(tail)):
                title = head.strip()
                break
        return title
    if tree is not None:
        for h in tree.iter("h1", "h2"):
            t = " ".join(h.text_content().split())
            if t:
                return t
    return lines[0] if lines else None


def _headings(page_lines: list[str], title: str, first: str | None) -> list[str]:
    """The title and the subtitle lines between it and the dateline, as the page shows them.

    Subtitles are kept only when a dateline or furniture line closes them, so a page laid
    out some other way gives just the title.
    """
    key = title[:12]
    for i, line in enumerate(page_lines):
        if key not in line or len(line) > len(title) + 20:
            continue
        subs: list[str] = []
        for ln in page_lines[i + 1:i + 4]:
            if first and (ln == first or ln.startswith(first[:20])):
                return [title]
            if parse_dateline(ln) or _is_furniture(ln, ln.translate(_TRAD)):
                return [title, *subs]
            if len(ln) > 60:
                return [title]
            subs.append(ln)
        return [title]
    return [title]


def _looks_like_site(s: str) -> bool:
    return bool(re.search(r"(?:网|局|厅|委|办|政府|门户|在线|新闻|日报|晚报|频道|中心|平台)\s*$", s.strip()))


def _site(extracted, tree) -> str | None:
    site = (extracted.sitename or "").strip() if extracted is not None else ""
    if not site and tree is not None:
        for name in ("SiteName", "sitename", "site_name"):
            found = tree.xpath(f'//meta[@name="{name}"]/@content')
            if found and found[0].strip():
                return found[0].strip()
    return site or None


# ---------------------------------------------------------------------------------------
# Furniture


def _trim_furniture(lines: list[str], title: str | None) -> tuple[list[str], bool]:
    """The article's lines without the page furniture at either end; and whether the title was among them.

    Above the first line of prose (the header region) everything before the title goes,
    and furniture lines, nav crumbs and separators go; below it only trailing furniture
    and a trailing related-links list go. The title line itself is left out: the caller
    puts it first.
    """
    folded = [ln.translate(_TRAD) for ln in lines]
    first_prose = next((i for i, ln in enumerate(lines) if _is_prose(ln)), len(lines))
    start, title_seen = 0, False
    if title:
        key = title[:12]
        for i in range(first_prose):
            if key in lines[i] and len(lines[i]) <= len(title) + 20 and not _BREADCRUMB_RE.search(folded[i]):
                start, title_seen = i + 1, True
                break
    head = [
        ln for ln, fo in zip(lines[start:first_prose], folded[start:first_prose], strict=True)
        if not _is_furniture(ln, fo) and len(ln.strip("|｜/·•-— ")) > 4 and not (title and ln == title)
    ]
    end = len(lines)
    # a related-links heading in the last 40% of the text, followed only by short lines
    for i in range(end - 1, max(first_prose, int(end * 0.6)) - 1, -1):
        if i > first_prose and _LINK_LIST_RE.search(folded[i]) and all(len(ln) <= 80 and not ln.endswith("。") for ln in lines[i + 1:]):
            end = i
            break
    while end > first_prose and _is_furniture(lines[end - 1], folded[end - 1]):
        end -= 1
    return head + lines[first_prose:end], title_seen


def _is_prose(line: str) -> bool:
    return len(line) >= 10 and bool(_PROSE_RE.search(line)) and not _is_furniture(line, line.translate(_TRAD))


def _is_furniture(line: str, folded: str) -> bool:
    """A line of page furniture (``folded``: the line with traditional characters simplified).

    A sentence (20 characters or more, ending in 。！？) counts only when it is a copyright or
    reprint notice: "扫码关注……。" closing an article is body, not a share bar.
    """
    if len(line) > 200:
        return False
    if len(line) >= 20 and line.endswith(("。", "！", "？", ".")):
        return bool(_NOTICE_RE.search(folded))
    return bool(_FURNITURE_RE.search(folded) or (len(line) <= 120 and _BREADCRUMB_RE.search(folded)))


# ---------------------------------------------------------------------------------------
# Publication date


def _dateline_under_title(lines: list[str], title: str | None, not_after: date) -> date | None:
    """A date in a short line at or under the title (each place the title appears)."""
    if not title:
        return None
    key = title[:12]
    for i, line in enumerate(lines):
        if key not in line:
            continue
        for ln in _nonempty(lines[i:i + 1 + DATELINE_LINES]):
            if len(ln) <= DATELINE_MAX_LEN or ln.startswith(title):
                if d := parse_dateline(ln.removeprefix(title) if ln.startswith(title) else ln, not_after=not_after):
                    return d
    return None


def _labelled_date(lines: Iterable[str], not_after: date) -> date | None:
    """A date after 发布时间:/发布日期:/时间:/来源: in a short line anywhere."""
    for ln in lines:
        if len(ln) <= DATELINE_MAX_LEN and (m := _LABELLED_RE.search(ln.translate(_TRAD))):
            if d := parse_dateline(ln[m.start():], not_after=not_after):
                return d
    return None


def _signoff_date(lines: list[str], not_after: date) -> date | None:
    """A date on one of the last lines, like the signature of an official release."""
    for ln in list(_nonempty(lines))[-3:][::-1]:
        if len(ln) <= SIGNOFF_MAX_LEN and _SIGNOFF_RE.search(ln) and (d := parse_dateline(ln, not_after=not_after)):
            return d
    return None


def _meta_date(tree, not_after: date) -> date | None:
    if tree is None:
        return None
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or meta.get("http-equiv") or "").lower()
        if key in META_DATE_NAMES and (d := parse_dateline(meta.get("content") or "", not_after=not_after)):
            return d
    for t in tree.iter("time"):
        if d := parse_dateline(t.get("datetime") or "", not_after=not_after):
            return d
    return None


def _url_date(url: str, not_after: date) -> date | None:
    path = unquote(urlsplit(url).path)
    for rx in _URL_DATE_RES:
        for m in rx.finditer(path):
            d = _to_date(m.group("y"), m.group("m"), m.group("d"))
            if d is not None and EARLIEST <= d <= not_after:
                return d
    return None


def _htmldate(extracted, page_lines: list[str], not_after: date) -> date | None:
    """htmldate's date (via trafilatura), unless it is the 1 January it makes of 年月日 forms."""
    raw = extracted.date if extracted is not None else None
    if not raw:
        return None
    try:
        d = date.fromisoformat(raw[:10])
    except ValueError:
        return None
    if not EARLIEST <= d <= not_after:
        return None
    if (d.month, d.day) == (1, 1):
        page = "\n".join(page_lines)
        if not re.search(rf"{d.year}\s*[-/.年]\s*0?1\s*[-/.月]\s*0?1(?!\d)", page):
            return None  # htmldate reads 2024年06月20日 as 2024-01-01; the page never says 1 January
    return d


def _to_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(_cn_int(y, year=True), _cn_int(m), _cn_int(d))
    except ValueError:
        return None


def _cn_int(s: str, *, year: bool = False) -> int:
    """'2024' -> 2024; '二〇二四' -> 2024 (digit by digit); '十九' -> 19, '三十一' -> 31."""
    if s.isascii():
        return int(s)
    if year:
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    if "十" not in s:
        return _CN_DIGITS[s]
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


# ---------------------------------------------------------------------------------------
# Small helpers


def _nonempty(lines: Iterable[str]) -> Iterator[str]:
    return (ln.strip() for ln in lines if ln.strip())


def _header(headers: dict[str, str] | None, name: str) -> str:
    for k, v in (headers or {}).items():
        if k.lower() == name:
            return v
    return ""


def _binary_kind(body: bytes) -> str | None:
    head = body[:16]
    for sig, what in BINARY_SIGNATURES:
        if head.startswith(sig):
            return what
    return None


def _gunzip(body: bytes, url: str) -> bytes:
    """Gzip bodies (a .gz file, or a server that gzips without saying so) decompressed."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(body, MAX_GUNZIPPED)
    except zlib.error as e:
        raise CleanError(url, f"gzip body that does not decompress: {e}") from None
    if d.unconsumed_tail:
        raise CleanError(url, f"gzip body larger than {MAX_GUNZIPPED} bytes once decompressed")
    return out


def _is_plain_text(url: str, ctype: str, text: str) -> bool:
    path = urlsplit(url).path.lower().removesuffix(".gz")
    if path.endswith(".txt") or ctype == "text/plain":
        return True
    if path.endswith((".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp")) or ctype:
        return False
    return not re.search(r"<(?:html|body|head|p|div|br|table|span|a)\b", text[:65536], re.I)

