-- name: window_session_varchar
-- description: MIN, MAX, FIRST and LAST of a VARCHAR in SESSION windows: each session keeps its own copies of the texts, sessions a record bridges merge (MIN and MAX of both, FIRST of the one that arrived first, LAST of the later), and the strings of closed sessions are freed; checked against DuckDB's gaps-and-islands query
CREATE STREAM clicks (user VARCHAR, page VARCHAR, ts TIMESTAMP,
    WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE)
    WITH ('connector' = 'file', 'path' = 'clicks.jsonl', 'format' = 'json');

SELECT user, window_start, window_end, COUNT(*) AS clicks, MIN(page) AS first_page_by_name,
       MAX(page) AS last_page_by_name, FIRST(page) AS entry_page, LAST(page) AS exit_page
FROM clicks
GROUP BY user
WINDOW SESSION (30 SECONDS);
