-- name: join_left_missing_key
-- description: LEFT stream-table join over a JSON-lines table: a missing or NULL key keeps the record with NULLs
--
-- The table is declared with 'key' = 'user_id' instead of PRIMARY KEY.
-- Order 2 names u9 (not in the table) and order 4 has a NULL user_id: both are
-- kept, with NULL for every column of the table. u3's tier is NULL in the
-- table itself, which looks the same in the output but is a match.
CREATE STREAM orders (order_id BIGINT, user_id VARCHAR, amount DECIMAL(10, 2))
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR, name VARCHAR, tier VARCHAR, credit INT)
    WITH ('connector' = 'file', 'path' = 'users.jsonl', 'format' = 'json', 'key' = 'user_id');

SELECT o.order_id, o.user_id, u.user_id AS table_user, u.name, u.tier, u.credit, o.amount
FROM orders o
LEFT JOIN users u ON o.user_id = u.user_id;
