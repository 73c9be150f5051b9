-- name: error_window_not_supported
-- description: a Velostream WINDOW TUMBLING clause parses but does not compile yet: a clean 'not supported yet' diagnostic
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, COUNT(*) AS n
FROM trades
GROUP BY symbol
WINDOW TUMBLING(1m)
EMIT FINAL;
