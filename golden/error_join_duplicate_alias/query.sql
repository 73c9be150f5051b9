-- name: error_join_duplicate_alias
-- description: two sources of one query with the same alias are rejected, pointing at the second
CREATE STREAM orders (order_id INT, user_id VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, o.tier
FROM orders o
JOIN users o ON o.user_id = o.user_id;
