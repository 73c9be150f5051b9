-- name: error_join_table_without_key
-- description: a declared table without PRIMARY KEY or 'key' is an error at its declaration, and only there (no cascade at the join)
--
-- The table is still known after the error: the query that joins it must not
-- add a second, misleading 'unknown stream or table' error.
CREATE STREAM orders (order_id INT, user_id VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, u.tier
FROM orders o
JOIN users u ON o.user_id = u.user_id;
