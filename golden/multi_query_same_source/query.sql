-- name: multi_query_same_source
-- description: two queries in one file (an INSERT INTO a declared sink and a CREATE STREAM AS) read the same source in one pass, each with its own filter, columns and output file
CREATE STREAM trades (id BIGINT, symbol VARCHAR, side VARCHAR, qty INT, price DECIMAL(10, 2))
    WITH ('connector' = 'file', 'path' = 'trades.csv', 'format' = 'csv');

CREATE STREAM buys (id BIGINT, symbol VARCHAR, notional DECIMAL(20, 2))
    WITH ('connector' = 'file', 'path' = './out/buys.jsonl', 'format' = 'json');

INSERT INTO buys
SELECT id, symbol, qty * price AS notional FROM trades WHERE side = 'BUY';

CREATE STREAM big WITH ('connector' = 'file', 'path' = './out/big.csv', 'format' = 'csv') AS
SELECT id, side, qty FROM trades WHERE qty >= 100;
