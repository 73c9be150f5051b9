-- name: aggregate_spread
-- description: STDDEV / STDDEV_SAMP, STDDEV_POP, VARIANCE / VAR_SAMP and VAR_POP per group (NULL for a sample of one value), checked against DuckDB
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, side VARCHAR, quantity INT, price DECIMAL(18,2))
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, COUNT(price) AS prices, STDDEV(price) AS sd, STDDEV_POP(price) AS sd_pop,
       VARIANCE(quantity) AS var, VAR_POP(quantity) AS var_pop, STDDEV_SAMP(quantity * 2) AS sd_double
FROM trades
GROUP BY symbol
EMIT FINAL;
