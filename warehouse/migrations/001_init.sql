-- The first schema of the warehouse.
-- No primary keys or unique indexes: loads are MERGE-style on the natural keys named in each
-- comment, so the same SQL serves a DuckLake catalog (which has no indexes) later on.

-- natural key: name
CREATE TABLE sources (
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    region      VARCHAR,
    source_group VARCHAR,
    config      JSON,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- natural key: run_id
CREATE TABLE runs (
    run_id          VARCHAR NOT NULL,
    flow            VARCHAR NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    status          VARCHAR NOT NULL,         -- running | completed | partial | failed
    prefect_flow_run_id VARCHAR,
    sources         INTEGER DEFAULT 0,
    discovered      INTEGER DEFAULT 0,
    fetched         INTEGER DEFAULT 0,
    skipped         INTEGER DEFAULT 0,
    documents_new   INTEGER DEFAULT 0,
    documents_changed INTEGER DEFAULT 0,
    documents_unchanged INTEGER DEFAULT 0,
    figures         INTEGER DEFAULT 0,
    failures        INTEGER DEFAULT 0
);

-- natural key: (run_id, source)
CREATE TABLE run_sources (
    run_id      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,             -- completed | partial | failed
    discovered  INTEGER NOT NULL,
    fetched     INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    documents_new INTEGER NOT NULL,
    documents_changed INTEGER NOT NULL,
    documents_unchanged INTEGER NOT NULL,
    figures     INTEGER NOT NULL,
    failures    INTEGER NOT NULL,
    fatal_reason VARCHAR,
    finished_at TIMESTAMPTZ NOT NULL
);

-- natural key: (url, page_sha256). The bytes and headers as fetched, so pages can be re-cleaned.
CREATE TABLE raw_pages (
    url         VARCHAR NOT NULL,
    page_sha256 VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    final_url   VARCHAR,
    status      INTEGER,
    headers     JSON,
    body        BLOB NOT NULL,
    fetched_at  TIMESTAMPTZ,
    run_id      VARCHAR NOT NULL
);

-- natural key: url. What an incremental run needs: validators for conditional GET.
CREATE TABLE fetch_state (
    url           VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    etag          VARCHAR,
    last_modified VARCHAR,
    page_sha256   VARCHAR,
    is_article    BOOLEAN NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    run_id        VARCHAR NOT NULL
);

-- natural key: (url, version); also (url, text_sha256). A changed text adds a version.
CREATE TABLE documents (
    url          VARCHAR NOT NULL,
    version      INTEGER NOT NULL,
    text_sha256  VARCHAR NOT NULL,
    page_sha256  VARCHAR NOT NULL,
    source       VARCHAR NOT NULL,
    title        VARCHAR,
    published_at DATE,
    author       VARCHAR,
    site         VARCHAR,
    encoding     VARCHAR,
    text         VARCHAR NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    run_id       VARCHAR NOT NULL
);

-- natural key: (document_url, document_version, extractor, extractor_version).
-- One row per extraction, also when it found no figures.
CREATE TABLE extractions (
    document_url      VARCHAR NOT NULL,
    document_version  INTEGER NOT NULL,
    extractor         VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    figures           INTEGER NOT NULL,
    extracted_at      TIMESTAMPTZ NOT NULL,
    run_id            VARCHAR NOT NULL
);

-- natural key: (document_url, document_version, extractor, extractor_version, start, "end").
-- extractor/extractor_version name the extraction (the whole set of extractors at a version);
-- module/module_version the extractor module that shaped this figure (generic, narcotics, ...).
CREATE TABLE extracted_figures (
    document_url      VARCHAR NOT NULL,
    document_version  INTEGER NOT NULL,
    extractor         VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    module            VARCHAR,
    module_version    VARCHAR,
    start             INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    mention           VARCHAR NOT NULL,
    value             DOUBLE NOT NULL,
    value_high        DOUBLE,
    unit              VARCHAR NOT NULL,
    unit_family       VARCHAR,
    value_normalised  DOUBLE,
    unit_normalised   VARCHAR,
    qualifier         VARCHAR NOT NULL,
    comparison        VARCHAR,
    subject           VARCHAR,
    metric            VARCHAR,
    kind              VARCHAR NOT NULL,
    period_start      DATE,
    period_end        DATE,
    region            VARCHAR,
    region_code       VARCHAR,
    sentence          VARCHAR,
    sentence_start    INTEGER,
    sentence_end      INTEGER
);

-- natural key: (run_id, source, url, stage)
CREATE TABLE errors (
    run_id   VARCHAR NOT NULL,
    source   VARCHAR NOT NULL,
    url      VARCHAR,
    stage    VARCHAR NOT NULL,
    reason   VARCHAR NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
