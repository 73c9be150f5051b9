-- The table's streaming semantics written out: number the file's rows, drop
-- NULL keys, keep the last row per key, drop keys whose last row is a delete
-- (every non-key column NULL). A quoted "" is the empty string, not NULL.
WITH raw AS (
    SELECT *, row_number() OVER () AS rn
    FROM read_csv('users.csv', header = true, allow_quoted_nulls = false,
                  columns = {'user_id': 'VARCHAR', 'name': 'VARCHAR', 'tier': 'VARCHAR'})
), users AS (
    SELECT * FROM raw
    WHERE user_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY rn DESC) = 1
)
SELECT o.order_id, o.user_id, u.name, u.tier
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'BIGINT', 'user_id': 'VARCHAR'}) o
LEFT JOIN (SELECT * FROM users WHERE name IS NOT NULL OR tier IS NOT NULL) u
  ON o.user_id = u.user_id;
