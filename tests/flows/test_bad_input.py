"""Bad input: each becomes an errors row with a readable reason, the run goes on, and the exit
status is non-zero only when a whole source failed. Real files, a real HTTP server, real DuckDB."""

from __future__ import annotations

import duckdb

from flows.cli import main
from tests.flows.fixture_site import html

GOOD = ("<html><head><meta charset='utf-8'><title>全市禁毒工作</title></head><body><div class='article'>"
        "<h1>全市禁毒工作</h1><p>发布时间:2023-03-02</p><p>今年1至2月,全市共破获毒品刑事案件212起,"
        "抓获犯罪嫌疑人240名。</p><p>市禁毒委员会办公室表示,将持续开展禁毒宣传教育活动,巩固禁毒工作成效。</p>"
        "</div></body></html>")


def errors(db) -> dict[str, tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT url, stage, reason FROM errors").fetchall()
    finally:
        con.close()
    return {(u or "").rsplit("/", 1)[-1]: (stage, reason) for u, stage, reason in rows}


def test_bad_files_become_error_rows_and_the_run_goes_on(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.html").write_text(GOOD, encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 40)
    (folder / "furniture.html").write_text(
        "<html><body><div class='nav'>首页 | 新闻</div><div class='footer'>版权所有</div></body></html>",
        encoding="utf-8")
    (folder / "notext.txt").write_text("   \n\n  ", encoding="utf-8")
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(f"sources:\n  - name: local\n    kind: directory\n    path: {folder}\n    region: 昆明市\n"
                   f"  - name: gone\n    kind: directory\n    path: {tmp_path / 'missing'}\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    rc = main(["run", "--plain", "--config", str(cfg), "--db", str(db)])
    out = capsys.readouterr().out
    assert rc == 1  # the source 'gone' failed as a whole
    errs = errors(db)
    assert errs["empty.html"][0] == "clean" and "empty" in errs["empty.html"][1]
    assert errs["binary.html"][0] in ("decode", "clean")
    assert errs["furniture.html"][0] == "clean" and "no article text" in errs["furniture.html"][1]
    assert errs["notext.txt"][0] == "clean"
    gone = [r for k, r in errs.items() if r[0] == "discover"]
    assert gone and "missing" in gone[0][1]
    assert "failures:" in out and "empty.html" in out
    con = duckdb.connect(str(db), read_only=True)
    docs = con.execute("SELECT url FROM documents").fetchall()
    figures = con.execute("SELECT value FROM figures ORDER BY value").fetchall()
    con.close()
    assert [u.rsplit("/", 1)[-1] for (u,) in docs] == ["good.html"]
    assert figures == [(212.0,), (240.0,)]


def test_only_bad_documents_exit_zero(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.html").write_text(GOOD, encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(f"sources:\n  - name: local\n    kind: directory\n    path: {folder}\n", encoding="utf-8")
    assert main(["run", "--plain", "--config", str(cfg), "--db", str(tmp_path / "w.duckdb")]) == 0


def test_listing_page_with_no_links_is_an_error_row(tmp_path, site, capsys):
    site.route("/list.html", html("<html><body><p>栏目改版中</p><a href='/about.html'>关于</a></body></html>"))
    cfg = tmp_path / "sources.yaml"
    cfg.write_text("sources:\n  - name: site\n    kind: http\n"
                   f"    url: {site.url('/list.html')}\n    link_pattern: '/news/\\d+\\.html$'\n"
                   "    allow_private_network: true\n    delay_seconds: 0\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert main(["run", "--plain", "--config", str(cfg), "--db", str(db)]) == 0
    (stage, reason), = errors(db).values()
    assert stage == "discover" and "no links matching link_pattern" in reason
