WITH b AS (
  SELECT * FROM read_json('bids.jsonl', format = 'newline_delimited',
                          columns = {id: 'INT', auction: 'VARCHAR', bid: 'DECIMAL(10,2)', ts: 'TIMESTAMP'})
), w AS (
  -- every window of a bid's three-minute period that ends after it
  SELECT b.*, time_bucket(INTERVAL 3 MINUTE, ts) AS ws,
         time_bucket(INTERVAL 3 MINUTE, ts) + INTERVAL (k) MINUTE AS we
  FROM b, range(1, 4) AS r(k)
  WHERE time_bucket(INTERVAL 3 MINUTE, ts) + INTERVAL (k) MINUTE > ts
)
SELECT ws AS window_start, we AS window_end, auction, SUM(bid) AS total, COUNT(*) AS bids, MAX(bid) AS top
FROM w
GROUP BY ALL;
