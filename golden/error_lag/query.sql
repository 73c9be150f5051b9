-- name: error_lag
-- description: LAG in WHERE, in a query that groups, of text, beyond its buffer, with a frame, and LEAD each get a diagnostic with a caret
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id FROM trades WHERE quantity > LAG(quantity) OVER (PARTITION BY symbol);

SELECT symbol, COUNT(*) AS n, LAG(quantity) OVER (PARTITION BY symbol) AS prev FROM trades GROUP BY symbol;

SELECT LAG(symbol) OVER (ORDER BY trade_id) AS prev_symbol FROM trades;

SELECT LAG(quantity, 20) OVER (ROWS WINDOW BUFFER 10 ROWS PARTITION BY symbol) AS far FROM trades;

SELECT LAG(quantity) OVER (PARTITION BY symbol ORDER BY trade_id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS p FROM trades;

SELECT LEAD(quantity) OVER (PARTITION BY symbol ORDER BY trade_id) AS next_quantity FROM trades;
