-- Stories: a release and its reprints on other portals (different furniture, same text) are one
-- story. Each document version gets the Simhash of its text and the story it joined when it was
-- loaded (warehouse/stories.py); a story keeps the id it was given by its first document.

-- natural key: (url, version), one row per row of `documents`
CREATE TABLE document_stories (
    url         VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    simhash     UBIGINT NOT NULL,      -- 64-bit Simhash of the text's character trigrams
    story_id    VARCHAR NOT NULL,      -- the Simhash of the story's first document, as 16 hex digits
    assigned_at TIMESTAMPTZ NOT NULL
);
