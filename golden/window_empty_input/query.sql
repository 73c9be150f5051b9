-- name: window_empty_input
-- description: a windowed GROUP BY over an empty file writes nothing and exits 0
CREATE STREAM trades (symbol VARCHAR, qty INT, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, COUNT(*) AS trades, SUM(qty) AS volume
FROM trades
GROUP BY symbol
WINDOW TUMBLING(ts, INTERVAL '1' MINUTE)
EMIT FINAL;
