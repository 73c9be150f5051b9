-- name: json_bad_line_dlq
-- description: with 'on.error' = 'dlq', each bad line goes to the dead-letter file as a JSON line holding the raw record, where it came from and the reason; the good lines are written
CREATE STREAM trades (id BIGINT, symbol VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json',
          'on.error' = 'dlq', 'dlq.path' = './out/trades_dlq.jsonl');

CREATE STREAM good WITH ('connector' = 'file', 'path' = './out/good.csv', 'format' = 'csv') AS
SELECT id, symbol, qty FROM trades;
