-- name: error_bad_timestamp_literal
-- description: a TIMESTAMP literal that is no date (month 13) and a string compared with a TIMESTAMP column that is no timestamp are rejected at compile time, each at its literal
CREATE STREAM events (id INT, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'events.jsonl', 'format' = 'json');

SELECT id, ts >= TIMESTAMP '2025-13-01 00:00:00' AS later
FROM events
WHERE ts > 'yesterday';
