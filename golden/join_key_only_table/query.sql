-- name: join_key_only_table
-- description: tables with no column besides the key (allow-lists) from CSV and JSON lines: every row inserts its key
--
-- allowed.csv and flagged.jsonl hold nothing but keys. A row deletes its key
-- when its non-key fields are all NULL; a table without non-key fields has
-- nothing that could be NULL, so each row is an insert (as it is for a
-- CREATE TABLE AS SELECT k PRIMARY KEY FROM ...). The INNER join keeps the
-- orders of allowed users; the LEFT join marks the flagged ones.
CREATE STREAM orders (order_id INT, user_id VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE allowed (user_id VARCHAR PRIMARY KEY)
    WITH ('connector' = 'file', 'path' = 'allowed.csv', 'format' = 'csv');

CREATE TABLE flagged (user_id VARCHAR PRIMARY KEY)
    WITH ('connector' = 'file', 'path' = 'flagged.jsonl', 'format' = 'json');

SELECT o.order_id, o.user_id, f.user_id IS NOT NULL AS flagged
FROM orders o
JOIN allowed a ON o.user_id = a.user_id
LEFT JOIN flagged f ON o.user_id = f.user_id;
