-- name: window_group_by_tumble_nulls
-- description: Flink's group window GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE), symbol with TUMBLE_START / TUMBLE_END: NULL symbols form one group per window, SUM passes over a NULL quantity, the minutes without records write nothing, and a record without an event time is bad input ('on.error' = 'skip' counts it); checked against DuckDB's time_bucket
CREATE STREAM trades (id INT, symbol VARCHAR, qty INT, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json', 'on.error' = 'skip');

SELECT symbol, TUMBLE_START(ts, INTERVAL '1' MINUTE) AS minute_start, TUMBLE_END(ts, INTERVAL '1' MINUTE) AS minute_end,
       COUNT(*) AS trades, SUM(qty) AS volume, COUNT(qty) AS with_qty
FROM trades
GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE), symbol;
