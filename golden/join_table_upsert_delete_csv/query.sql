-- name: join_table_upsert_delete_csv
-- description: a CSV table's later rows replace earlier ones, all-NULL rows delete, NULL keys are not kept
--
-- users.csv, read to its end before the first order:
--   u1  twice: the second row (premium) wins
--   u3  deleted by a row whose non-key fields are all empty (NULL)
--   u4  deleted, then inserted again: the last row (platinum) is there
--   u5  its last row has name "" (the empty string, quoted) and tier NULL:
--       not all NULL, so it is an update, not a delete
--   u6  name NULL, tier bronze: an update
--   u7  deleted and never inserted again
--   a row with an empty (NULL) user_id is not kept
-- A LEFT join shows the final state: every order is kept, with NULLs for
-- keys the table does not hold (u3, u7, u8 and the NULL user_id).
CREATE STREAM orders (order_id BIGINT, user_id VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, name VARCHAR, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, o.user_id, u.name, u.tier
FROM orders o
LEFT JOIN users u ON o.user_id = u.user_id;
