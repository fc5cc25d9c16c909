"""flows.cleaning.decode: the order of evidence (BOM, header, meta, detection, UTF-8) and its failures."""

from __future__ import annotations

import codecs
import random

import pytest

import flows.cleaning.decode
from flows.cleaning.decode import decode
from flows.errors import DecodeError

# invented sentences, long enough for detection to have something to read
ZH = "今年1至5月，全省共破获毒品刑事案件4127起，同比上升12.3%；缴获毒品9356.8公斤，抓获犯罪嫌疑人4390人。"
RARE = "民警张镕、赵堃在查缉点检查车辆。"  # 镕 and 堃 are in GBK/GB18030 but not in GB2312
ZH_TRAD = "今年1至5月，全市共破獲毒品刑事案件526起，同比上升4.2%；繳獲各類毒品318.5公斤，抓獲犯罪嫌疑人648名。"


def html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>通告</title></head><body><h1>通告</h1><p>{body}</p></body></html>"


def ctype(charset: str) -> dict[str, str]:
    return {"content-type": f"text/html; charset={charset}"}


def test_utf8_without_any_declaration():
    text, enc = decode(html(ZH).encode("utf-8"))
    assert enc == "utf-8" and ZH in text


def test_gbk_with_header():
    text, enc = decode(html(ZH).encode("gbk"), ctype("GBK"))
    assert enc == "gb18030" and ZH in text


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="gb2312">',
        "<meta charset=gbk>",
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
        "<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=x-gbk'>",
    ],
)
def test_gbk_with_only_meta(meta):
    text, enc = decode(html(ZH, meta).encode("gbk"))
    assert enc == "gb18030" and ZH in text


def test_gbk_with_neither_header_nor_meta_is_detected():
    text, enc = decode((html(ZH) * 3).encode("gbk"))
    assert enc == "gb18030" and ZH in text


def test_xml_declaration():
    body = ('<?xml version="1.0" encoding="GB2312"?>' + html(ZH)).encode("gb18030")
    text, enc = decode(body)
    assert enc == "gb18030" and ZH in text


@pytest.mark.parametrize("label", ["gb2312", "GB_2312-80", "cp936", "x-gbk", "csGB2312"])
def test_gb2312_label_keeps_gbk_only_characters(label):
    body = html(RARE + ZH, f'<meta charset="{label}">').encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb2312")  # the label taken literally would fail
    text, enc = decode(body)
    assert enc == "gb18030" and "张镕" in text and "赵堃" in text
    text, enc = decode(body, ctype(label))
    assert enc == "gb18030" and "张镕" in text and "赵堃" in text


def test_big5_meta():
    text, enc = decode(html(ZH_TRAD, '<meta charset="big5">').encode("big5"))
    assert enc == "big5hkscs" and ZH_TRAD in text


def test_big5_label_reads_eten_and_hongkong_characters():
    body = html(ZH_TRAD, '<meta charset="big5">').encode("big5") + b"\xf9\xd6" + "啲嘢".encode("big5hkscs")
    text, enc = decode(body)
    assert enc == "big5hkscs" and text.endswith("碁啲嘢")


def test_big5_label_falls_back_to_cp950_for_microsoft_code_points():
    body = html(ZH_TRAD + "€", '<meta charset="big5">').encode("cp950")
    text, enc = decode(body)
    assert enc == "cp950" and ZH_TRAD + "€" in text


def test_big5_without_declaration_is_detected():
    text, enc = decode((html(ZH_TRAD) * 3).encode("big5"))
    assert enc in ("big5hkscs", "cp950") and ZH_TRAD in text


def test_wrong_header_is_caught_by_the_bytes_and_meta_wins():
    body = html(ZH, '<meta charset="gb2312">').encode("gbk")
    text, enc = decode(body, ctype("utf-8"))
    assert enc == "gb18030" and ZH in text


def test_wrong_header_and_no_meta_falls_to_detection():
    text, enc = decode((html(ZH) * 3).encode("gbk"), ctype("utf-8"))
    assert enc == "gb18030" and ZH in text


def test_legacy_header_on_utf8_bytes_reads_utf8():
    text, enc = decode(html(ZH, '<meta charset="gb2312">').encode("utf-8"), ctype("gbk"))
    assert enc == "utf-8" and ZH in text


def test_latin1_header_does_not_garble_a_chinese_page():
    text, enc = decode(html(ZH, '<meta charset="gb2312">').encode("gbk"), ctype("iso-8859-1"))
    assert enc == "gb18030" and ZH in text


def test_unknown_label_is_skipped():
    text, enc = decode(html(ZH, '<meta charset="no-such-charset">').encode("utf-8"), ctype("utf-88"))
    assert enc == "utf-8" and ZH in text


def test_a_stray_bad_byte_does_not_overturn_the_declaration():
    body = html(ZH * 5, '<meta charset="gbk">').encode("gbk").replace(b"</p>", b"\xff</p>")
    text, enc = decode(body)
    assert enc == "gb18030" and ZH in text and text.count("\ufffd") == 1


def test_bom_beats_header():
    text, enc = decode(codecs.BOM_UTF8 + html(ZH).encode("utf-8"), ctype("gbk"))
    assert enc == "utf-8" and ZH in text and not text.startswith("\ufeff")


def test_utf16_with_bom():
    text, enc = decode(codecs.BOM_UTF16_LE + html(ZH).encode("utf-16-le"))
    assert enc == "utf-16-le" and ZH in text


def test_meta_after_the_prescan_window_is_not_read():
    body = html(ZH * 3, "<!--" + "x" * flows.cleaning.decode.PRESCAN_BYTES + '--><meta charset="big5">').encode("gbk")
    text, enc = decode(body)
    assert enc == "gb18030" and ZH in text


def test_declared_charset_that_decodes_skips_detection(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("detection ran although the declared charset decodes the bytes")

    monkeypatch.setattr(flows.cleaning.decode, "from_bytes", boom)
    assert decode(html(ZH, '<meta charset="gbk">').encode("gbk"))[1] == "gb18030"
    assert decode(html(ZH).encode("gbk"), ctype("gb2312"))[1] == "gb18030"
    assert decode(html(ZH_TRAD).encode("big5"), ctype("big5"))[1] == "big5hkscs"


def test_empty_body():
    assert decode(b"") == ("", "utf-8")


def test_random_binary_raises_with_a_reason():
    body = random.Random(7).randbytes(4000)
    with pytest.raises(DecodeError) as e:
        decode(body, ctype("utf-8"), url="http://example.org/a.html")
    assert e.value.url == "http://example.org/a.html"
    assert "not text" in e.value.reason or "binary" in e.value.reason
    assert e.value.stage == "decode"


def test_nul_heavy_body_raises():
    body = b"<html>" + b"\x00\x01\x02\x00" * 500 + b"</html>"
    with pytest.raises(DecodeError, match="NUL"):
        decode(body, url="u")


def test_control_characters_in_decodable_bytes_raise():
    body = bytes(range(1, 32)) * 100  # valid ASCII, but no text
    with pytest.raises(DecodeError, match="control characters"):
        decode(body, ctype("us-ascii"), url="u")
