WITH t AS (
  SELECT * FROM read_json('trades.jsonl', format = 'newline_delimited',
                          columns = {id: 'INT', symbol: 'VARCHAR', price: 'DECIMAL(10,2)', ts: 'TIMESTAMP'})
), w AS (
  -- every window a record falls in: starts a minute apart, two minutes long
  SELECT t.*, time_bucket(INTERVAL 1 MINUTE, ts) - INTERVAL (k) MINUTE AS ws
  FROM t, range(0, 2) AS r(k)
)
SELECT symbol, epoch_ms(ws) AS WINDOWSTART, epoch_ms(ws + INTERVAL 2 MINUTE) AS WINDOWEND,
       COUNT(*) AS trades, MIN(price) AS low, MAX(price) AS high, AVG(price) AS mean
FROM w
GROUP BY ALL;
