-- name: error_bad_format
-- description: 'format' = 'xml' is not a format a file source can read; the diagnostic points at the value
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR)
    WITH ('connector' = 'file', 'path' = 'trades.xml', 'format' = 'xml');

SELECT trade_id FROM trades;
