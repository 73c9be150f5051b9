-- The table's streaming semantics: the last row per key; a last row with
-- every non-key column NULL is a delete.
WITH raw AS (
    SELECT *, row_number() OVER () AS rn
    FROM read_csv('users.csv', header = true,
                  columns = {'user_id': 'VARCHAR', 'tier': 'VARCHAR', 'score': 'BIGINT'})
), users AS (
    SELECT * FROM raw
    WHERE user_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY rn DESC) = 1
)
SELECT o.order_id, o.user_id, u.tier, u.score
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'INT', 'user_id': 'VARCHAR'}) o
LEFT JOIN (SELECT * FROM users WHERE tier IS NOT NULL OR score IS NOT NULL) u
  ON o.user_id = u.user_id;
