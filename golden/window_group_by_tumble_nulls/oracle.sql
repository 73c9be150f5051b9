SELECT symbol, time_bucket(INTERVAL 1 MINUTE, ts) AS minute_start,
       time_bucket(INTERVAL 1 MINUTE, ts) + INTERVAL 1 MINUTE AS minute_end,
       COUNT(*) AS trades, SUM(qty) AS volume, COUNT(qty) AS with_qty
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {id: 'INT', symbol: 'VARCHAR', qty: 'INT', ts: 'TIMESTAMP'})
WHERE ts IS NOT NULL  -- no event time: bad input, skipped
GROUP BY ALL;
