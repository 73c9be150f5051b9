-- name: group_by_final
-- description: GROUP BY two columns with EMIT FINAL writes each group once at the end: NULL keys form one group, NULL values are skipped, HAVING and expressions over aggregates, checked against DuckDB
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, side VARCHAR, quantity INT, price DECIMAL(18,2))
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, UPPER(side) AS side, COUNT(*) AS trades, SUM(quantity) AS volume,
       MAX(price) - MIN(price) AS spread, SUM(quantity * price) AS notional, AVG(quantity) AS mean_quantity
FROM trades
WHERE trade_id <> 2
GROUP BY symbol, UPPER(side)
HAVING COUNT(*) >= 1 AND (SUM(quantity) IS NULL OR SUM(quantity) > 4)
EMIT FINAL;
