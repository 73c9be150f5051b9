-- name: json_bad_line_fail
-- description: by default ('on.error' = 'fail') the first line that is not JSON stops the program with exit 1, naming the file and line; the line written before it is complete
CREATE STREAM trades (id BIGINT, symbol VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT id, symbol, qty FROM trades;
