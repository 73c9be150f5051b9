SELECT symbol,
       first(price ORDER BY id) FILTER (WHERE price IS NOT NULL) AS open,
       last(price ORDER BY id) FILTER (WHERE price IS NOT NULL) AS close,
       first(ts ORDER BY id) AS first_seen, last(ts ORDER BY id) AS last_seen, COUNT(*) AS trades
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {id: 'INT', symbol: 'VARCHAR', price: 'DECIMAL(10,2)', ts: 'TIMESTAMP'})
GROUP BY symbol;
