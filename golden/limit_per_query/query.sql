-- name: limit_per_query
-- description: a LIMIT belongs to its own query: when one of two queries over the same source has written its 1 record, the other still reads the source to its end
CREATE STREAM trades (id BIGINT, symbol VARCHAR, side VARCHAR, qty INT, price DECIMAL(10, 2))
    WITH ('connector' = 'file', 'path' = 'trades.csv', 'format' = 'csv');

CREATE STREAM first_trade WITH ('connector' = 'file', 'path' = './out/first_trade.csv', 'format' = 'csv') AS
SELECT id, symbol FROM trades LIMIT 1;

CREATE STREAM buys WITH ('connector' = 'file', 'path' = './out/buys.csv', 'format' = 'csv') AS
SELECT id, symbol FROM trades WHERE side = 'BUY';
