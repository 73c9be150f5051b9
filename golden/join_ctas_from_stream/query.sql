-- name: join_ctas_from_stream
-- description: CREATE TABLE t AS SELECT symbol PRIMARY KEY, price * 2 AS p FROM a stream: the query's rows upsert the table, which a stream then joins
--
-- ticks.jsonl is a stream; doubled keeps, per symbol, the row from its last
-- tick: AAPL's second tick wins; MSFT's last tick has a NULL price, so its
-- only non-key column p is NULL and the row deletes MSFT; the tick with a
-- NULL symbol has no key and is not kept. The table is complete before the
-- first order is read (ticks is read to its end first). The INNER join
-- drops the orders for MSFT (deleted) and TSLA (never there).
CREATE STREAM ticks (symbol VARCHAR, price DECIMAL(10, 2))
    WITH ('connector' = 'file', 'path' = 'ticks.jsonl', 'format' = 'json');

CREATE TABLE doubled AS SELECT symbol PRIMARY KEY, price * 2 AS p FROM ticks;

CREATE STREAM orders (order_id INT, symbol VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

SELECT o.order_id, o.symbol, d.p
FROM orders o
JOIN doubled d ON o.symbol = d.symbol;
