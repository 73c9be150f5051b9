-- name: lag_partitions
-- description: LAG with offsets 1 and 2, a default, no partition, a NULL partition key and NULL values, in arrival order, checked against DuckDB's LAG
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT, price DECIMAL(18,2))
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id, symbol,
       LAG(price) OVER (PARTITION BY symbol ORDER BY trade_id) AS prev_price,
       LAG(quantity, 2, -1) OVER (PARTITION BY symbol ORDER BY trade_id) AS quantity_two_back,
       quantity - LAG(quantity) OVER (ORDER BY trade_id) AS change_overall
FROM trades
WHERE trade_id <> 6;
