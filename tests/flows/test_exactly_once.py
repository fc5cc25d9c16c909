"""Exactly-once loading under SIGKILL: runs killed at arbitrary moments, then finished, leave the
same rows as one undisturbed run. Every batch commits in one transaction, and every load is
idempotent on natural keys, so a killed run is repaired by running again."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

SAMPLES = Path(__file__).resolve().parents[2] / "flows" / "samples"
ROWS = {
    "documents": "SELECT url, version, text_sha256 FROM documents ORDER BY ALL",
    "figures": "SELECT document_url, document_version, start, \"end\", value, unit FROM extracted_figures ORDER BY ALL",
    "extractions": "SELECT document_url, document_version, extractor, extractor_version, figures FROM extractions ORDER BY ALL",
    "raw_pages": "SELECT url, page_sha256 FROM raw_pages ORDER BY ALL",
}


def make_corpus(folder: Path, n: int) -> Path:
    pages = sorted(SAMPLES.rglob("*.html"))
    folder.mkdir()
    for i in range(n):
        body = pages[i % len(pages)].read_bytes()
        marker = f"<p>No. {i:04d}</p>".encode()  # ASCII: valid in every encoding of the samples
        (folder / f"p{i:04d}.html").write_bytes(body.replace(b"</body>", marker + b"</body>", 1))
    cfg = folder.parent / "sources.yaml"
    cfg.write_text(f"sources:\n  - name: bulk\n    kind: directory\n    path: {folder}\n    region: 云南省\n",
                   encoding="utf-8")
    return cfg


def run(cfg: Path, db: Path, *, kill_after: float | None = None) -> int | None:
    env = {**os.environ, "PRESSETL_BATCH_SIZE": "10"}
    p = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--plain", "--config", str(cfg), "--db", str(db)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if kill_after is None:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()[-2000:]
        return p.returncode
    time.sleep(kill_after)
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    return None


def snapshot(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {k: con.execute(q).fetchall() for k, q in ROWS.items()}
    finally:
        con.close()


def test_killed_runs_then_a_full_run_equal_one_clean_run(tmp_path):
    cfg = make_corpus(tmp_path / "pages", 120)
    clean_db = tmp_path / "clean.duckdb"
    run(cfg, clean_db)
    want = snapshot(clean_db)
    assert len(want["documents"]) == 120 and want["figures"]

    killed_db = tmp_path / "killed.duckdb"
    rng = random.Random(20261129)
    for _ in range(4):
        run(cfg, killed_db, kill_after=rng.uniform(1.0, 4.0))
    run(cfg, killed_db)
    assert snapshot(killed_db) == want


def test_a_copy_of_the_warehouse_taken_mid_run_is_consistent(tmp_path):
    """Kill mid-run and open what is on disk: every stored document has its extraction."""
    cfg = make_corpus(tmp_path / "pages", 80)
    db = tmp_path / "w.duckdb"
    run(cfg, db, kill_after=2.5)
    assert db.exists()  # the run records itself before its first batch
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    wal = db.with_name(db.name + ".wal")
    if wal.exists():
        shutil.copy(wal, copy.with_name(copy.name + ".wal"))
    con = duckdb.connect(str(copy))
    orphans = con.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM extractions e WHERE e.document_url = d.url AND e.document_version = d.version)"
    ).fetchone()[0]
    pages_without_doc = con.execute(
        "SELECT count(*) FROM raw_pages p WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.url = p.url)"
    ).fetchone()[0]
    con.close()
    assert orphans == 0 and pages_without_doc == 0
