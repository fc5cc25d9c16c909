-- figures_as_of(ts): what `figures` returned at ts. The newest version of each document stored by
-- then and, for each extractor, the newest extraction of that version made by then.
-- `figures` is figures_as_of('infinity').
--
-- restates: a figure that says again what another figure of the same document says (the same
-- what, region, period, value, unit, comparison and kind) points at that figure's `start`. The
-- figure pointed at is the first one outside the headlines (the title, a subtitle, a heading or a
-- table row: a line that is not a sentence); a headline figure restates it, and so does a later
-- statistic (an aggregate with a period) in the body. Events are left alone in the
-- body: two arrests of 3 people are two events. `claims` leaves restating figures out.
CREATE OR REPLACE MACRO figures_as_of(ts) AS TABLE
WITH docs AS (
    SELECT d.*, s.story_id
    FROM documents d
    LEFT JOIN document_stories s ON s.url = d.url AND s.version = d.version
    WHERE d.created_at <= ts
    QUALIFY row_number() OVER (PARTITION BY d.url ORDER BY d.version DESC) = 1
),
current_extraction AS (
    SELECT e.document_url, e.document_version, e.extractor, e.extractor_version
    FROM extractions e
    JOIN docs d ON d.url = e.document_url AND d.version = e.document_version
    WHERE e.extracted_at <= ts
    QUALIFY row_number() OVER (
        PARTITION BY e.document_url, e.extractor ORDER BY e.extracted_at DESC, e.extractor_version DESC) = 1
),
placed AS (
    SELECT
        f.*,
        d.published_at,
        d.source,
        d.title AS document_title,
        d.story_id,
        coalesce(f.region, s.region) AS current_region,
        r.level AS region_level,
        r.lng AS region_lng,
        r.lat AS region_lat,
        -- in a headline: within the title the text opens with, or in a line that is not a sentence
        -- (a subtitle, a heading, a table row: it ends without 。！？；)
        coalesce(d.title <> '' AND starts_with(d.text, d.title) AND f."end" <= length(d.title), false)
            OR NOT coalesce(regexp_matches(rtrim(f.sentence, chr(10) || chr(13) || ' '), '[。！？!?；;…][”"’）)」』]*$'), true)
            AS in_headline
    FROM extracted_figures f
    JOIN current_extraction c USING (document_url, document_version, extractor, extractor_version)
    JOIN docs d ON d.url = f.document_url
    LEFT JOIN sources s ON s.name = d.source
    LEFT JOIN regions r ON r.code = f.region_code
),
ranked AS (
    SELECT
        *,
        first_value(start) OVER same AS first_start,
        row_number() OVER same AS nth
    FROM placed
    WINDOW same AS (
        PARTITION BY document_url, extractor, coalesce(metric, subject), current_region, period_start, period_end,
                     value, value_high, coalesce(unit_normalised, unit), comparison, kind
        ORDER BY in_headline, start)
)
SELECT
    document_url,
    published_at,
    source,
    current_region AS region,
    region_code,
    metric,
    subject,
    value,
    value_high,
    unit,
    qualifier,
    comparison,
    kind,
    period_start,
    period_end,
    value_normalised,
    unit_normalised,
    unit_family,
    mention,
    rtrim(sentence, chr(10) || chr(13)) AS sentence,
    start,
    "end",
    extractor,
    extractor_version,
    module,
    document_version,
    document_title,
    story_id,
    -- provenance: the text that set the period and the region, where it stands, and the rule
    period_from,
    period_from_start,
    period_from_end,
    period_rule,
    region_from,
    region_from_start,
    region_from_end,
    region_rule,
    region_level,
    region_lng,
    region_lat,
    CASE WHEN nth > 1 AND (in_headline OR (kind = 'aggregate' AND period_end IS NOT NULL))
         THEN first_start END AS restates
FROM ranked;
