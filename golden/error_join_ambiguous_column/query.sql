-- name: error_join_ambiguous_column
-- description: an unqualified column that both the stream and the table have is ambiguous; the message says how to qualify it
CREATE STREAM orders (order_id INT, user_id VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT order_id, user_id, tier
FROM orders o
JOIN users u ON o.user_id = u.user_id;
