WITH t AS (
  SELECT *, row_number() OVER () AS arrival
  FROM read_json('clicks.jsonl', format = 'newline_delimited',
                 columns = {user: 'VARCHAR', page: 'VARCHAR', ts: 'TIMESTAMP'})
), gaps AS (
  -- a record starts a session when the one before it (same user) is 30 seconds or more earlier
  SELECT *, CASE WHEN ts - LAG(ts) OVER (PARTITION BY user ORDER BY ts) < INTERVAL 30 SECOND THEN 0 ELSE 1 END AS starts
  FROM t
), numbered AS (
  SELECT *, SUM(starts) OVER (PARTITION BY user ORDER BY ts ROWS UNBOUNDED PRECEDING) AS session FROM gaps
)
SELECT user, MIN(ts) AS window_start, MAX(ts) + INTERVAL 30 SECOND AS window_end, COUNT(*) AS clicks,
       MIN(page) AS first_page_by_name, MAX(page) AS last_page_by_name,
       arg_min(page, arrival) AS entry_page, arg_max(page, arrival) AS exit_page
FROM numbered
GROUP BY user, session;
