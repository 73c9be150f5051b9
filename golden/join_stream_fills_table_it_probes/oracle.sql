-- tiers: one row per trade id whose user is known (a NULL tier deletes).
WITH trades AS (
    SELECT * FROM read_json('trades.jsonl', format = 'newline_delimited',
                            columns = {'id': 'INT', 'user_id': 'VARCHAR', 'qty': 'INT'})
), tiers AS (
    SELECT t.id, u.tier
    FROM trades t
    LEFT JOIN read_csv('users.csv') u ON t.user_id = u.user_id
)
SELECT t.id, t.qty, x.tier
FROM trades t
JOIN (SELECT * FROM tiers WHERE tier IS NOT NULL) x ON t.id = x.id;
