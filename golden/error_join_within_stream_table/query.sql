-- name: error_join_within_stream_table
-- description: WITHIN bounds a join of two streams; on a stream-table join it is an error
CREATE STREAM orders (order_id INT, user_id VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, u.tier
FROM orders o
JOIN users u WITHIN 1 HOUR ON o.user_id = u.user_id;
