-- name: window_watermark_late
-- description: the walkthrough of docs/semantics.md: a 10-second tumbling window with a WATERMARK 5 seconds behind the latest event time; record 5 is out of order but in time, record 7 comes after its window closed and is dropped (late 1); each window is written when the watermark passes its end, the last two at the end of input; checked against DuckDB's time_bucket without record 7
CREATE STREAM trades (id INT, symbol VARCHAR, qty INT, ts TIMESTAMP,
    WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, window_start, window_end, COUNT(*) AS trades, SUM(qty) AS volume
FROM trades
WINDOW TUMBLING (SIZE 10 SECONDS)
GROUP BY symbol
EMIT FINAL;
