-- name: error_analytics
-- description: LAG in WHERE, in a query that groups, beyond its buffer, with a frame; FIRST_VALUE of text over a frame; LEADs over different partitions, LEAD with EXPIRE AFTER, beyond its buffer or too far ahead; PERCENT_RANK beside a LEAD of another partition, CUME_DIST with EMIT ON BUFFER FULL, NTILE(0); a frame that looks ahead or spans a time range; RANK without ORDER BY; NTH_VALUE with a bad n; ROW_NUMBER with an argument; EXPIRE AFTER without an event-time ORDER BY; EMIT ON BUFFER FULL without a buffer: each gets a diagnostic with a caret
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id FROM trades WHERE quantity > LAG(quantity) OVER (PARTITION BY symbol);

SELECT symbol, COUNT(*) AS n, LAG(quantity) OVER (PARTITION BY symbol) AS prev FROM trades GROUP BY symbol;

SELECT FIRST_VALUE(symbol) OVER (ORDER BY trade_id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS first_symbol FROM trades;

SELECT LAG(quantity, 20) OVER (ROWS WINDOW BUFFER 10 ROWS PARTITION BY symbol) AS far FROM trades;

SELECT LAG(quantity) OVER (PARTITION BY symbol ORDER BY trade_id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS p FROM trades;

SELECT LEAD(quantity) OVER (PARTITION BY symbol ORDER BY trade_id) AS next_quantity,
       LEAD(quantity) OVER (ORDER BY trade_id) AS next_overall FROM trades;

SELECT LEAD(quantity) OVER (PARTITION BY symbol ORDER BY trade_id EXPIRE AFTER 5m) AS q FROM trades;

SELECT LEAD(quantity, 3) OVER (ROWS WINDOW BUFFER 2 ROWS PARTITION BY symbol ORDER BY trade_id) AS q FROM trades;

SELECT LEAD(quantity, 20000) OVER (PARTITION BY symbol ORDER BY trade_id) AS q FROM trades;

SELECT PERCENT_RANK() OVER (PARTITION BY symbol ORDER BY quantity) AS pr,
       LEAD(quantity) OVER (ORDER BY trade_id) AS next_quantity FROM trades;

SELECT CUME_DIST() OVER (ROWS WINDOW BUFFER 5 ROWS PARTITION BY symbol ORDER BY trade_id EMIT ON BUFFER FULL) AS c FROM trades;

SELECT NTILE(0) OVER (PARTITION BY symbol ORDER BY trade_id) AS q FROM trades;

SELECT SUM(quantity) OVER (PARTITION BY symbol ORDER BY trade_id ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING) AS s FROM trades;

SELECT SUM(quantity) OVER (PARTITION BY symbol ORDER BY trade_id RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW) AS s FROM trades;

SELECT RANK() OVER (PARTITION BY symbol) AS r FROM trades;

SELECT NTH_VALUE(quantity, 0) OVER (PARTITION BY symbol ORDER BY trade_id) AS q FROM trades;

SELECT ROW_NUMBER(quantity) OVER (PARTITION BY symbol ORDER BY trade_id) AS q FROM trades;

SELECT LAG(quantity) OVER (PARTITION BY symbol EXPIRE AFTER 5m) AS q FROM trades;

SELECT LAG(quantity) OVER (PARTITION BY symbol ORDER BY trade_id EMIT ON BUFFER FULL) AS q FROM trades;
