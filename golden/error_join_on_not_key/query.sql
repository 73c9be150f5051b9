-- name: error_join_on_not_key
-- description: a stream-table join must look the table up by its key; ON over another column is rejected, saying what to add
CREATE STREAM orders (order_id INT, user_id VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, u.tier
FROM orders o
JOIN users u ON o.name = u.name;
