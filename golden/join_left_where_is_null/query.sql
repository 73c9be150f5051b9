-- name: join_left_where_is_null
-- description: WHERE u.tier IS NULL after a LEFT join keeps the misses (and matches whose tier is NULL); WHERE u.user_id IS NULL would keep only the misses
--
-- WHERE runs after the LEFT join, on the joined row. Order 7's user (u9) is
-- not in the table, so u.tier is NULL and it is kept. u3 is in the table
-- with a NULL tier: its orders (5 and 9) are kept too, as in any SQL engine.
-- The output's matched column tells the two apart.
CREATE STREAM orders (order_id INT, user_id VARCHAR, amount INT)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR, credit INT)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, o.user_id, u.user_id IS NOT NULL AS matched, u.credit, o.amount
FROM orders o
LEFT JOIN users u ON o.user_id = u.user_id
WHERE u.tier IS NULL;
