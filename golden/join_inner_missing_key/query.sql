-- name: join_inner_missing_key
-- description: INNER stream-table join: a record whose key is not in the table, or whose key is NULL, is dropped
--
-- users.csv has u1..u3. Order 2 names u9 (not in the table), order 4 has a
-- NULL user_id and order 6 has no user_id field at all: all three are dropped.
-- Order 5 names 'U1': keys compare exactly, so it does not match u1.
CREATE STREAM orders (order_id BIGINT, user_id VARCHAR, amount DECIMAL(10, 2))
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, name VARCHAR, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, o.user_id, u.name, u.tier, o.amount
FROM orders o
JOIN users u ON o.user_id = u.user_id;
