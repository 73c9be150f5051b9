WITH t AS (
  SELECT * FROM read_json('trades.jsonl', format = 'newline_delimited',
                          columns = {id: 'INT', symbol: 'VARCHAR', user: 'VARCHAR', qty: 'INT'})
)
SELECT symbol, COUNT(*) AS trades, COUNT(user) AS with_user, COUNT(DISTINCT user) AS users, COUNT(DISTINCT qty) AS sizes
FROM t GROUP BY symbol
UNION ALL
SELECT 'all', COUNT(*), COUNT(user), COUNT(DISTINCT user), COUNT(DISTINCT qty) FROM t;
