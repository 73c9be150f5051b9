-- name: error_join_right_stream_table
-- description: RIGHT JOIN of a stream and a table is rejected: a stream joins a table with JOIN or LEFT JOIN
CREATE STREAM orders (order_id INT, user_id VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, u.tier
FROM orders o
RIGHT JOIN users u ON o.user_id = u.user_id;
