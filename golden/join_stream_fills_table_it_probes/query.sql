-- name: join_stream_fills_table_it_probes
-- description: one stream read twice: first into a table (joined to a file table on the way), then joined to that table
--
-- trades fills `tiers` in the load phase (each trade LEFT JOINed to users:
-- trade 2's user is unknown, so its only non-key column is NULL and the
-- row is a delete; trade 5's user_id is NULL and matches nothing), then is
-- read again and each trade INNER JOINs its own row of `tiers`. The two reads
-- keep different columns, so they are two scans with their own row structs.
CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

CREATE STREAM trades (id INT, user_id VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

CREATE TABLE tiers AS
SELECT t.id PRIMARY KEY, u.tier
FROM trades t
LEFT JOIN users u ON t.user_id = u.user_id;

SELECT t.id, t.qty, x.tier
FROM trades t
JOIN tiers x ON t.id = x.id;
