-- name: error_join_unknown_column
-- description: a misspelt column in ON gets a diagnostic on the column, naming the relation, with a suggestion
CREATE STREAM orders (order_id INT, user_id VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, u.tier
FROM orders o
JOIN users u ON o.usr_id = u.user_id;
