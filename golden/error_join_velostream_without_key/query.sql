-- name: error_join_velostream_without_key
-- description: a Velostream source joined without '<name>.key' is a stream, so the join is stream-stream and needs WITHIN; the message says so and how to make it a table
CREATE STREAM enriched AS
SELECT o.order_id, u.tier
FROM orders o
JOIN users u ON o.user_id = u.user_id
WITH (
    'orders.type' = 'file_source', 'orders.path' = './orders.jsonl', 'orders.format' = 'json',
    'users.type' = 'file_source', 'users.path' = './users.csv', 'users.format' = 'csv',
    'enriched.type' = 'file_sink', 'enriched.path' = '-', 'enriched.format' = 'json'
);
