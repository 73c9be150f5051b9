-- name: window_flink_tvf
-- description: Flink's window table function FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTES)) with GROUP BY window_start, window_end (the window, not keys of their own) and the source's WATERMARK 90 seconds behind, so the out-of-order bids 4 and 7 still count; checked against DuckDB's time_bucket
CREATE TABLE bids (id INT, auction VARCHAR, bid DECIMAL(10,2), ts TIMESTAMP,
    WATERMARK FOR ts AS ts - INTERVAL '90' SECOND)
    WITH ('connector' = 'file', 'path' = 'bids.jsonl', 'format' = 'json');

SELECT window_start, window_end, auction, SUM(bid) AS total, COUNT(*) AS bids
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTES))
GROUP BY window_start, window_end, auction;
