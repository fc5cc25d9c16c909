-- A new or changed text adds a version; an unchanged one adds nothing.
INSERT INTO documents BY NAME
SELECT b.*, st.next_version AS version, $now AS created_at, $run_id AS run_id
FROM b_docs b
JOIN b_doc_status st ON st.url = b.url AND st.text_sha256 = b.text_sha256
WHERE st.status <> 'unchanged';
