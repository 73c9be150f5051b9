-- name: error_join_select_star_duplicate
-- description: SELECT * over a join where the stream and the table both have user_id: the error says which relations the two columns come from and what to write instead
--
-- The generic 'give one an alias with AS' cannot be followed for a column
-- that * brings in; the message names both sources and suggests a select
-- list without the duplicate.
CREATE STREAM orders (order_id INT, user_id VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT *
FROM orders o
LEFT JOIN users u ON o.user_id = u.user_id;
