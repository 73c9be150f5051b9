-- name: table_join_materialized
-- description: CREATE TABLE AS over a join of two tables materializes the result, keyed, before the stream that joins it is read; checked against DuckDB
CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE limits (user_id VARCHAR PRIMARY KEY, max_qty INT)
    WITH ('connector' = 'file', 'path' = 'limits.csv', 'format' = 'csv');
CREATE STREAM orders (order_id INT, user_id VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE user_limits AS
SELECT u.user_id PRIMARY KEY, u.tier, COALESCE(l.max_qty, 0) AS max_qty
FROM users u
LEFT JOIN limits l ON u.user_id = l.user_id;

SELECT o.order_id, ul.tier, o.qty > ul.max_qty AS over_limit
FROM orders o
JOIN user_limits ul ON o.user_id = ul.user_id;
