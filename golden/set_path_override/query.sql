-- name: set_path_override
-- description: --set trades.path=... in the program's arguments reads another file than the one the query names, and --set trades.on.error=skip changes the bad-record policy
CREATE STREAM trades (id BIGINT, symbol VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT id, symbol, qty * 2 AS double_qty FROM trades;
