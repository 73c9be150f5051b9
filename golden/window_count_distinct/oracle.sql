WITH t AS (
  SELECT * FROM read_json('trades.jsonl', format = 'newline_delimited',
                          columns = {id: 'INT', symbol: 'VARCHAR', user_id: 'VARCHAR', ts: 'TIMESTAMP'})
), w AS (
  -- every window a trade falls in: starts a minute apart, two minutes long
  SELECT t.*, time_bucket(INTERVAL 1 MINUTE, ts) - INTERVAL (k) MINUTE AS ws
  FROM t, range(0, 2) AS r(k)
)
SELECT symbol, epoch_ms(ws) AS WINDOWSTART, epoch_ms(ws + INTERVAL 2 MINUTE) AS WINDOWEND,
       COUNT(*) AS trades, COUNT(DISTINCT user_id) AS users
FROM w
GROUP BY ALL;
