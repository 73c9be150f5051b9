-- name: window_session_changes
-- description: SESSION windows with EMIT CHANGES: each record writes its session's new row; when a record moves a session's bounds, or bridges two sessions into one, the rows of the sessions as they were are deleted first (the key and the old bounds, every other column NULL), so the changelog read as a table keyed by user and bounds holds the open sessions
CREATE STREAM clicks (user VARCHAR, page VARCHAR, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'clicks.jsonl', 'format' = 'json',
          'watermark.strategy' = 'bounded_out_of_orderness', 'watermark.max_out_of_orderness' = '1m');

SELECT user, window_start, window_end, COUNT(*) AS clicks
FROM clicks
GROUP BY user
WINDOW SESSION (ts, 30 SECONDS)
EMIT CHANGES;
