SELECT time_bucket(INTERVAL 1 MINUTE, ts) AS window_start,
       time_bucket(INTERVAL 1 MINUTE, ts) + INTERVAL 1 MINUTE AS window_end,
       auction, SUM(bid) AS total, COUNT(*) AS bids
FROM read_json('bids.jsonl', format = 'newline_delimited',
               columns = {id: 'INT', auction: 'VARCHAR', bid: 'DECIMAL(10,2)', ts: 'TIMESTAMP'})
GROUP BY ALL;
