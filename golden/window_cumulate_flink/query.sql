-- name: window_cumulate_flink
-- description: Flink's CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '3' MINUTE): windows that start every three minutes and grow a minute at a time ([12:00, 12:01), [12:00, 12:02), [12:00, 12:03), then [12:03, ...)), a bid in each window of its period that ends after it, every window written when the watermark (30 seconds behind) passes its end, shortest first; the out-of-order bid 5 still counts in the windows not yet closed; checked against DuckDB by a join with the window ends
CREATE TABLE bids (id INT, auction VARCHAR, bid DECIMAL(10,2), ts TIMESTAMP,
    WATERMARK FOR ts AS ts - INTERVAL '30' SECOND)
    WITH ('connector' = 'file', 'path' = 'bids.jsonl', 'format' = 'json');

SELECT window_start, window_end, auction, SUM(bid) AS total, COUNT(*) AS bids, MAX(bid) AS top
FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '3' MINUTE))
GROUP BY window_start, window_end, auction;
