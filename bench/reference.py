"""The no-orchestration reference: the same work as an ingest run, as a plain script.

    python bench/reference.py http LISTING_URL DB [--workers 2] [--concurrency 16]
    python bench/reference.py dir FOLDER DB [--workers 2]

http: fetch the listing and every article it links with httpx (at most ``concurrency``
requests at once); dir: read every .html file of the folder. Then the project's own cleaning
(flows.cleaning.clean.clean), extraction (extractors.extract) and story fingerprint
(warehouse.stories.fingerprint, which every load computes per document) in a pool of
``workers`` processes, and one Arrow load of pages, documents and figures into a fresh DuckDB file. No
Prefect, no incremental state, no writer lock, no per-batch transactions: what the work costs
on its own. Prints one JSON line: wall seconds per phase and counts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.model import Page  # noqa: E402

LINK = re.compile(rb'href="([^"]+\.html)"')


async def fetch_all(listing: str, concurrency: int) -> list[Page]:
    import httpx

    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=concurrency)) as client:
        r = await client.get(listing)
        r.raise_for_status()
        urls = [str(r.url.join(m.decode())) for m in LINK.findall(r.content)]
        gate = asyncio.Semaphore(concurrency)

        async def one(url: str) -> Page:
            async with gate:
                resp = await client.get(url)
            resp.raise_for_status()
            return Page(url=url, source="bench", body=resp.content, status=resp.status_code,
                        headers={k.lower(): v for k, v in resp.headers.items()})

        return list(await asyncio.gather(*(one(u) for u in urls)))


def read_all(folder: Path) -> list[Page]:
    return [Page(url=p.resolve().as_uri(), source="bench", body=p.read_bytes(), headers={"content-type": "text/html"})
            for p in sorted(folder.glob("*.html"))]


def clean_extract(pages: list[Page]) -> list[tuple]:
    from extractors import extract
    from flows.cleaning.clean import clean
    from warehouse.stories import fingerprint

    out = []
    for page in pages:
        doc = clean(page)
        # the story fingerprint is per-document work the warehouse does on every load (stories)
        out.append((page, doc, extract(doc.text, published=doc.published_at, region="云南省"), fingerprint(doc.text)))
    return out


def load(db: Path, done: list[tuple]) -> None:
    import duckdb
    import pyarrow as pa

    pages = pa.Table.from_pylist([{"url": p.url, "page_sha256": p.sha256, "headers": json.dumps(p.headers),
                                   "body": p.body} for p, _, _, _ in done])
    docs = pa.Table.from_pylist([{"url": d.url, "text_sha256": d.text_sha256, "title": d.title,
                                  "published_at": d.published_at, "text": d.text, "simhash": str(h)}
                                 for _, d, _, h in done])
    figures = pa.Table.from_pylist([{"url": d.url, **f.to_json()} for _, d, figs, _ in done for f in figs])
    con = duckdb.connect(str(db))
    con.execute("BEGIN TRANSACTION")
    for name, table in (("raw_pages", pages), ("documents", docs), ("extracted_figures", figures)):
        con.register("t", table)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM t")
        con.unregister("t")
    con.execute("COMMIT")
    con.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["http", "dir"])
    ap.add_argument("where")
    ap.add_argument("db")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--concurrency", type=int, default=16)
    args = ap.parse_args()
    t0 = time.perf_counter()
    pages = asyncio.run(fetch_all(args.where, args.concurrency)) if args.kind == "http" else read_all(Path(args.where))
    t1 = time.perf_counter()
    chunks = [pages[i : i + 8] for i in range(0, len(pages), 8)]
    with ProcessPoolExecutor(args.workers) as pool:
        done = [r for part in pool.map(clean_extract, chunks) for r in part]
    t2 = time.perf_counter()
    load(Path(args.db), done)
    t3 = time.perf_counter()
    print(json.dumps({"pages": len(pages), "documents": len(done), "figures": sum(len(f) for _, _, f, _ in done),
                      "fetch_s": round(t1 - t0, 2), "clean_extract_s": round(t2 - t1, 2), "load_s": round(t3 - t2, 2)}))


if __name__ == "__main__":
    main()
