SELECT symbol, venue, ts, price,
       LEAD(price) OVER (PARTITION BY symbol ORDER BY ts) AS next_price,
       LEAD(price) OVER (PARTITION BY symbol ORDER BY ts) - price AS price_move,
       LEAD(qty, 2, -1) OVER (PARTITION BY symbol ORDER BY ts) AS qty_two_ahead,
       LEAD(venue, 1, 'none') OVER (PARTITION BY symbol ORDER BY ts) AS next_venue,
       UPPER(venue) || '/' || COALESCE(LEAD(venue) OVER (PARTITION BY symbol ORDER BY ts), '-') AS hop,
       LAG(price) OVER (PARTITION BY symbol ORDER BY ts) AS prev_price,
       ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY ts) AS rn
FROM read_csv('ticks.csv', header = true,
              columns = {'symbol': 'VARCHAR', 'venue': 'VARCHAR', 'ts': 'TIMESTAMP', 'price': 'DECIMAL(10,2)', 'qty': 'INT'})
WHERE price > 0;
