-- name: error_unknown_property
-- description: a misspelt WITH property gets a diagnostic suggesting the right name
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'fromat' = 'json');

SELECT trade_id FROM trades;
