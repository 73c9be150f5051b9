-- name: join_residual_inner
-- description: INNER join with residual ON conditions: a record is kept only when the key matches and every condition is TRUE
--
-- ON gives the key (user_id) and three more conditions. A residual that is
-- NULL counts as no match: u3's max_qty is NULL, u5's active is NULL, and
-- trade 9's quantity is NULL. Trade 2 is equal to the limit, not over it.
CREATE STREAM trades (trade_id INT, user_id VARCHAR, quantity INT, side VARCHAR)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

CREATE TABLE limits (user_id VARCHAR PRIMARY KEY, max_qty INT, active BOOLEAN)
    WITH ('connector' = 'file', 'path' = 'limits.csv', 'format' = 'csv');

SELECT t.trade_id, t.user_id, t.quantity, l.max_qty, t.side
FROM trades t
JOIN limits l ON t.user_id = l.user_id AND t.quantity > l.max_qty AND l.active AND t.side = 'BUY';
