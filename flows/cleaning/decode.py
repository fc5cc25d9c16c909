"""Bytes to text, deciding the encoding from evidence in a fixed order.

    1. a byte-order mark
    2. the HTTP Content-Type charset
    3. <meta charset>, <meta http-equiv content="...charset=..."> or <?xml encoding?>
       in the first PRESCAN_BYTES bytes
    4. detection (charset-normalizer), limited to DETECT_CANDIDATES
    5. UTF-8, strictly

A declared charset is believed only when the bytes agree with it: decoding gives no
errors (or a stray few, see MAX_BAD_SHARE), and a legacy declaration is overruled by bytes
that are valid UTF-8 with non-ASCII text in them. Otherwise the next evidence is asked and
the encoding actually used is what ``decode`` returns. Detection only runs when nothing
declared decodes the bytes, so a well-labelled page costs one decode.

Label mapping follows the WHATWG Encoding Standard, which is what the browsers that
editors proofread in do:
- gb2312, gbk, x-gbk, gb_2312-80, cp936, ... are read as gb18030, a superset of all of
  them: pages labelled gb2312 routinely hold GBK-only characters (镕, 堃) and the larger
  decoder reads those instead of failing.
- big5 is read as big5hkscs: Python's big5hkscs holds the ETEN extensions (碁 at F9D6) and
  the Hong Kong characters that plain big5 lacks, the closest Python codec to the WHATWG
  Big5 decoder. cp950 is kept as the second choice for the few Microsoft-only code points
  big5hkscs lacks (the euro sign at A3E1).
- iso-8859-1, us-ascii and windows-1252 decode any byte, so a Chinese page mislabelled
  with them (a server default) would be silently garbled: such a declaration counts only
  after detection has found nothing.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

from charset_normalizer import from_bytes

from flows.errors import DecodeError

PRESCAN_BYTES = 4096  # where <meta charset> and the XML declaration are looked for
MAX_BAD_SHARE = 0.01  # replacement characters allowed per non-ASCII character of a declared charset
MAX_CONTROL_SHARE = 0.02  # control characters (not \t \n \r \f) allowed in the decoded text
MAX_NUL_SHARE = 0.01  # NUL bytes allowed in a body without a UTF-16/32 byte-order mark
MAX_CHAOS = 0.3  # charset-normalizer's mess ratio above which a guess is refused

# label (lower-case, as declared) -> the codecs tried for it, in order
LABEL_CODECS: dict[str, tuple[str, ...]] = {
    **{
        label: ("gb18030",)
        for label in (
            "gb2312", "gb_2312", "gb_2312-80", "csgb2312", "iso-ir-58", "euc-cn", "x-euc-cn",
            "chinese", "csiso58gb231280", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
            "gb18030", "gb-18030",
        )
    },
    **{
        label: ("big5hkscs", "cp950")
        for label in ("big5", "big-5", "csbig5", "x-x-big5", "cn-big5", "big5-hkscs", "big5hkscs", "cp950", "x-big5")
    },
    **{label: ("utf-8",) for label in ("utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "x-unicode20utf8")},
}

# declarations that any byte string satisfies; believed only when nothing better is known
WEAK_CODECS = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii"})

DETECT_CANDIDATES = ("utf_8", "gb18030", "big5hkscs")

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_META_RE = re.compile(rb"<meta\b[^>]*>", re.I)
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # Cc but \t \n \f \r
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)["']""", re.I)


def decode(body: bytes, headers: Mapping[str, str] | None = None, *, url: str = "") -> tuple[str, str]:
    """Decode ``body`` to text; return (text, the codec name used, e.g. 'gb18030').

    Raises DecodeError when no deliberate decoding reads the bytes (binary, NUL-heavy,
    or bytes that are no encoding we consider).
    """
    if not body:
        return "", "utf-8"

    for bom, codec in BOMS:
        if body.startswith(bom):
            try:
                return _checked(body[len(bom):].decode(codec), codec, url), codec
            except UnicodeDecodeError as e:
                raise DecodeError(url, f"byte-order mark says {codec} but the bytes are not: {e.reason} at byte {e.start}") from None

    nul = body[:65536].count(0)
    if nul > MAX_NUL_SHARE * min(len(body), 65536):
        raise DecodeError(url, f"looks binary: {nul} NUL bytes in the first {min(len(body), 65536)} bytes")

    declared = [c for label in (header_charset(headers), prescan_charset(body)) if label for c in codecs_for(label)]
    weak: list[str] = []
    for codec in declared:
        if codec in WEAK_CODECS:
            weak.append(codec)
            continue
        text = _try_declared(body, codec)
        if text is not None:
            return _checked(text, codec, url), codec

    guess = detect(body)
    if guess is not None:
        return _checked(guess[0], guess[1], url), guess[1]

    for codec in [*weak, "utf-8"]:
        try:
            return _checked(body.decode(codec), codec, url), codec
        except UnicodeDecodeError:
            continue

    tried = ", ".join(dict.fromkeys([*declared, *DETECT_CANDIDATES]))
    raise DecodeError(url, f"not text in any encoding considered ({tried}); {len(body)} bytes")


def header_charset(headers: Mapping[str, str] | None) -> str | None:
    """The charset parameter of a Content-Type header, whatever the header's case."""
    if not headers:
        return None
    for name, value in headers.items():
        if name.lower() == "content-type":
            m = _CHARSET_RE.search(value.encode("latin-1", "replace"))
            return m.group(1).decode("ascii").lower() if m else None
    return None


def prescan_charset(body: bytes) -> str | None:
    """The charset an XML declaration or a <meta> tag in the first bytes declares."""
    head = body[:PRESCAN_BYTES]
    m = _XML_DECL_RE.match(head)
    if m:
        return m.group(1).decode("ascii").lower()
    for tag in _META_RE.findall(head):
        m = _CHARSET_RE.search(tag)
        if m:
            return m.group(1).decode("ascii").lower()
    return None


def codecs_for(label: str) -> tuple[str, ...]:
    """Python codecs for a declared label; () for a label Python does not know."""
    label = label.strip().lower()
    if label in LABEL_CODECS:
        return LABEL_CODECS[label]
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ()
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return ()  # a meta tag cannot truly declare UTF-16: it would not be readable as ASCII
    return LABEL_CODECS.get(name, (name,))


def detect(body: bytes) -> tuple[str, str] | None:
    """(text, codec) from charset-normalizer among DETECT_CANDIDATES, or None."""
    try:
        return body.decode("utf-8"), "utf-8"  # valid UTF-8 is UTF-8: other encodings rarely look like it by chance
    except UnicodeDecodeError:
        pass
    best = from_bytes(body, cp_isolation=list(DETECT_CANDIDATES)).best()
    if best is None or best.chaos > MAX_CHAOS:
        return None
    codec = codecs.lookup(best.encoding).name
    return str(best), codec


def _try_declared(body: bytes, codec: str) -> str | None:
    """The text if the bytes agree with a declared codec, else None."""
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        text = body.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        non_ascii = sum(1 for ch in text if ord(ch) > 127)
        if bad > MAX_BAD_SHARE * max(non_ascii - bad, 0):
            return None  # the bytes contradict the declaration
        return text
    except LookupError:
        return None
    if codec != "utf-8" and not text.isascii():
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return text
        return None  # declared legacy, but the bytes are valid UTF-8 with non-ASCII in them
    return text


def _checked(text: str, codec: str, url: str) -> str:
    """Refuse text full of control characters: binary that happened to decode."""
    sample = text[:65536]
    if sample:
        control = len(_CONTROL_RE.findall(sample))
        if control > MAX_CONTROL_SHARE * len(sample):
            raise DecodeError(url, f"looks binary: {control} control characters in the first {len(sample)} characters decoded as {codec}")
    return text
