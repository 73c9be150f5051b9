-- name: error_group_by_not_supported
-- description: GROUP BY with an aggregate parses but does not compile yet: a clean 'not supported yet' diagnostic
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, COUNT(*) AS n
FROM trades
GROUP BY symbol;
