-- name: error_duplicate_output_column
-- description: two select items producing the same output name are rejected, pointing at the second
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id, symbol, quantity * 2 AS symbol
FROM trades;
