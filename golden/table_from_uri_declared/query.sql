-- name: table_from_uri_declared
-- description: CREATE TABLE t (columns) AS SELECT * FROM file://...: the declared column list is the file's schema (no discovery: 00012.50 reads as a DECIMAL), checked against DuckDB
CREATE TABLE market (symbol VARCHAR PRIMARY KEY, current_price DECIMAL(10, 2), exchange VARCHAR)
    AS SELECT * FROM file://market.csv WITH ('format' = 'csv');
CREATE STREAM trades (trade_id INT, symbol VARCHAR, price DECIMAL(10, 2))
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT t.trade_id, t.symbol, m.current_price, m.exchange, t.price - m.current_price AS diff
FROM trades t
LEFT JOIN market m ON t.symbol = m.symbol;
