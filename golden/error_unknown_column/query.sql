-- name: error_unknown_column
-- description: a misspelt column gets a diagnostic with the line, a caret and a suggestion
CREATE STREAM trades (trade_id BIGINT, user_id VARCHAR, price DOUBLE)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl');

SELECT trade_id, usr_id
FROM trades;
