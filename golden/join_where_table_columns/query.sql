-- name: join_where_table_columns
-- description: WHERE over an INNER join may use the table's columns, alone or mixed with the stream's
--
-- WHERE runs on the joined row: (u.tier = 'premium' OR o.amount > 100)
-- keeps premium users' orders and large orders of anyone; o.amount > 0 is
-- on the stream alone; u.credit >= o.amount compares the two sides.
-- NULLs make a condition NULL and the row is dropped: u3's tier is NULL
-- (order 9 is not large, so the OR is NULL), u4's credit is NULL (order 6).
-- Order 7's user is not in the table: the INNER join drops it first.
CREATE STREAM orders (order_id INT, user_id VARCHAR, amount INT)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR, credit INT)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, o.user_id, u.tier, u.credit, o.amount
FROM orders o
JOIN users u ON o.user_id = u.user_id
WHERE (u.tier = 'premium' OR o.amount > 100) AND o.amount > 0 AND u.credit >= o.amount;
