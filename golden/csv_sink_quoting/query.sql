-- name: csv_sink_quoting
-- description: a CSV sink quotes header names and values holding the separator, quotes, line breaks or edge spaces (doubling the quotes), writes NULL as an empty field and the empty string as ""
CREATE STREAM notes (id INT, note VARCHAR)
    WITH ('connector' = 'file', 'path' = 'notes.jsonl', 'format' = 'json');

CREATE STREAM report WITH ('connector' = 'file', 'path' = './out/report.csv', 'format' = 'csv') AS
SELECT id,
       note AS "note, as ""given""",
       'a' || note || 'b' AS "multi
line",
       CONCAT(' ', note) AS spaced
FROM notes;
