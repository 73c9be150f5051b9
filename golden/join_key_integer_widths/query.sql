-- name: join_key_integer_widths
-- description: integer keys of different widths: an INT probe against a BIGINT key, a BIGINT probe against an INT key
--
-- wide is keyed by BIGINT, narrow by INT. The stream's a (INT) probes wide and
-- b (BIGINT) probes narrow; the values convert exactly, never by truncation:
--   b = 4294967297 (2^32 + 1) is out of INT's range and matches nothing,
--       though its low 32 bits are 1, a key of narrow
--   b = 2147483648 (2^31) is out of range too; -2147483648 is a key of narrow
--       and b = -2147483648 matches it
--   b = -4294967296 (-2^32, low bits 0) does not match narrow's 0
--   a = 7 matches wide's 7; wide's key 5000000000 is never matched by an INT
CREATE STREAM events (id INT, a INT, b BIGINT)
    WITH ('connector' = 'file', 'path' = 'events.jsonl', 'format' = 'json');

CREATE TABLE wide (k BIGINT PRIMARY KEY, wide_label VARCHAR)
    WITH ('connector' = 'file', 'path' = 'wide.csv', 'format' = 'csv');

CREATE TABLE narrow (k INT PRIMARY KEY, narrow_label VARCHAR)
    WITH ('connector' = 'file', 'path' = 'narrow.csv', 'format' = 'csv');

SELECT e.id, e.a, e.b, w.wide_label, n.narrow_label
FROM events e
LEFT JOIN wide w ON e.a = w.k
LEFT JOIN narrow n ON e.b = n.k;
