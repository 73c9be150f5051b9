-- name: window_session_merge
-- description: SESSION windows with a 30-second gap and a watermark a minute behind: u1's record at :45 bridges its sessions [:00, :50) and [1:10, 1:40), which merge into one; u2's late-but-in-time record at :50 joins its session; NULL users form one session of their own; a session ends 30 seconds after its last record; checked against DuckDB's gaps-and-islands query
CREATE STREAM clicks (user VARCHAR, page VARCHAR, ts TIMESTAMP,
    WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE)
    WITH ('connector' = 'file', 'path' = 'clicks.jsonl', 'format' = 'json');

SELECT user, window_start, window_end, COUNT(*) AS clicks, COUNT(*) FILTER (WHERE page = 'cart') AS carts
FROM clicks
GROUP BY user
WINDOW SESSION (30 SECONDS);
