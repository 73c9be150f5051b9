-- name: upper_lower_unicode
-- description: UPPER and LOWER map non-ASCII letters too (é/É, ü/Ü, ж/Ж), as DuckDB, Flink and ksqlDB do; other characters are unchanged
CREATE STREAM words (id INT, w VARCHAR)
    WITH ('connector' = 'file', 'path' = 'words.jsonl', 'format' = 'json');

SELECT id, UPPER(w) AS up, LOWER(w) AS low, LENGTH(UPPER(w)) AS up_len
FROM words;
