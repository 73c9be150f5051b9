-- name: json_bad_line_skip
-- description: with 'on.error' = 'skip', lines that are not JSON objects, are cut short or hold a value of the wrong type are counted and warned about (file:line and reason); the good lines are written
CREATE STREAM trades (id BIGINT, symbol VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json', 'on.error' = 'skip');

SELECT id, symbol, qty FROM trades;
