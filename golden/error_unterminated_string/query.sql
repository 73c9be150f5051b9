-- name: error_unterminated_string
-- description: a string literal that is never closed is reported where it starts, not at the end of the file
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id
FROM trades
WHERE symbol = 'AAPL;

SELECT symbol FROM trades;
