-- name: timestamp_compare
-- description: a TIMESTAMP column compared with a TIMESTAMP literal, with a string literal (read as a timestamp) and with a DATE literal cast to TIMESTAMP; shifted with + and - INTERVAL; BETWEEN timestamp literals
CREATE STREAM events (id INT, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'events.jsonl', 'format' = 'json');

SELECT id, ts,
       ts >= TIMESTAMP '2025-09-27 09:30:00' AS after_open,
       ts < '2025-09-27T09:30:05' AS before_string,
       ts = '2025-09-27 09:30:02.500' AS equals_string,
       ts >= CAST(DATE '2025-09-28' AS TIMESTAMP) AS next_day,
       ts + INTERVAL '5' SECOND AS plus_5s,
       ts - INTERVAL '2' HOUR AS minus_2h,
       ts + INTERVAL '1' DAY > TIMESTAMP '2025-09-28 09:30:00' AS shifted_later
FROM events
WHERE ts BETWEEN TIMESTAMP '2025-09-27 09:29:59' AND TIMESTAMP '2025-09-28 00:00:00' OR ts IS NULL;
