-- name: error_unknown_function
-- description: calling a function that does not exist is an error at the call (a near miss gets a suggestion)
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id, UPPPER(symbol) AS s FROM trades;
