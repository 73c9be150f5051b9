-- name: aggregate_filter
-- description: aggregates with FILTER (WHERE ...) count and sum only the records that pass, beside the same aggregate without it, checked against DuckDB
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, side VARCHAR, quantity INT, price DECIMAL(18,2))
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, COUNT(*) AS trades, COUNT(*) FILTER (WHERE side = 'buy') AS buys,
       SUM(quantity) FILTER (WHERE side = 'sell') AS sold, SUM(quantity) AS volume,
       MAX(price) FILTER (WHERE quantity >= 10) AS top_big
FROM trades
GROUP BY symbol
EMIT FINAL;
