-- name: error_syntax
-- description: a syntax error (a missing comma between select items) is reported with its line, column and a caret
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, price DOUBLE)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id symbol price
FROM trades;
