-- name: join_table_upsert_delete_json
-- description: a JSON-lines table: a later row replaces the whole earlier row, a row with every non-key field NULL or absent deletes
--
-- users.jsonl, loaded before the first order:
--   u1  replaced by a row without "name": the row is replaced, not merged,
--       so u1's name is NULL afterwards
--   u2  a delete of a key that was never there: nothing happens
--   u3  deleted by {"user_id": "u3"} (every other field absent), then
--       inserted again
--   u4  deleted by a row whose declared fields are all null ("note" is not a
--       column of the table and does not count)
--   u5  its last row has tier and name NULL but region set: region is a
--       column of the table (the query does not select it), so this is an
--       update, not a delete, and u5 still matches
--   rows with a null or absent user_id are not kept
-- An INNER join: orders for keys the table does not hold are dropped.
CREATE STREAM orders (order_id BIGINT, user_id VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, name VARCHAR, tier VARCHAR, region VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.jsonl', 'format' = 'json');

SELECT o.order_id, o.user_id, u.name, u.tier
FROM orders o
JOIN users u ON o.user_id = u.user_id;
