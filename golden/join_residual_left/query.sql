-- name: join_residual_left
-- description: LEFT join with residual ON conditions: a failing (or NULL) condition means no match, and the record is still kept with NULLs
--
-- The ON conditions never filter the stream: trade 3 is a SELL, which fails
-- the condition t.side = 'BUY' on the stream alone, and it is still written,
-- with NULLs for the table. Only a WHERE clause removes records.
CREATE STREAM trades (trade_id INT, user_id VARCHAR, quantity INT, side VARCHAR)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

CREATE TABLE limits (user_id VARCHAR PRIMARY KEY, max_qty INT, active BOOLEAN)
    WITH ('connector' = 'file', 'path' = 'limits.csv', 'format' = 'csv');

SELECT t.trade_id, t.user_id, t.quantity, l.max_qty, l.active, t.side
FROM trades t
LEFT JOIN limits l ON t.user_id = l.user_id AND t.quantity > l.max_qty AND l.active AND t.side = 'BUY';
