-- name: join_table_churn
-- description: a table of 800 keys with many deletes, re-inserts and updates interleaved, probed for every key and for keys never inserted
--
-- users.csv (made by generate.py): every key inserted, every third deleted
-- (tier and score empty), every ninth inserted again, every fifth updated,
-- every 25th updated twice; the changes of different keys are interleaved.
-- Exercises the table's hash map through growth, erasure and reuse of
-- erased slots. The LEFT join writes every order, with the final row of its
-- key or NULLs.
CREATE STREAM orders (order_id INT, user_id VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR, score BIGINT)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT o.order_id, o.user_id, u.tier, u.score
FROM orders o
LEFT JOIN users u ON o.user_id = u.user_id;
