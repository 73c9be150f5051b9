-- name: csv_rfc4180
-- description: RFC 4180 CSV with CRLF line endings: quoted fields holding commas, doubled quotes and line breaks; an empty field is NULL but a quoted empty field is the empty string; bad-record line numbers count physical lines
CREATE STREAM notes (id INT, title VARCHAR, body VARCHAR, n INT)
    WITH ('connector' = 'file', 'path' = 'notes.csv', 'format' = 'csv', 'on.error' = 'skip');

SELECT id, title, body, n, body IS NULL AS body_is_null, LENGTH(body) AS body_len
FROM notes;
