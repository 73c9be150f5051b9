WITH t AS (
  SELECT * FROM read_json('clicks.jsonl', format = 'newline_delimited',
                          columns = {user: 'VARCHAR', page: 'VARCHAR', ts: 'TIMESTAMP'})
), gaps AS (
  -- a record starts a session when the one before it (same user) is 30 seconds or more earlier
  SELECT *, CASE WHEN ts - LAG(ts) OVER (PARTITION BY user ORDER BY ts) < INTERVAL 30 SECOND THEN 0 ELSE 1 END AS starts
  FROM t
), numbered AS (
  SELECT *, SUM(starts) OVER (PARTITION BY user ORDER BY ts ROWS UNBOUNDED PRECEDING) AS session FROM gaps
)
SELECT user, MIN(ts) AS window_start, MAX(ts) + INTERVAL 30 SECOND AS window_end, COUNT(*) AS clicks,
       COUNT(*) FILTER (WHERE page = 'cart') AS carts
FROM numbered
GROUP BY user, session;
