SELECT symbol, day, ts, price,
       PERCENT_RANK() OVER (PARTITION BY symbol ORDER BY day) AS day_pct,
       CUME_DIST() OVER (PARTITION BY symbol ORDER BY day) AS day_cume,
       NTILE(3) OVER (PARTITION BY symbol ORDER BY ts) AS tercile,
       ROUND(100 * PERCENT_RANK() OVER (PARTITION BY symbol ORDER BY day), 1) AS day_pct100,
       NTILE(2) OVER (PARTITION BY symbol ORDER BY ts) AS half,
       LEAD(price) OVER (PARTITION BY symbol ORDER BY ts) AS next_price,
       RANK() OVER (PARTITION BY symbol ORDER BY day) AS day_rank
FROM read_csv('ticks.csv', header = true,
              columns = {'symbol': 'VARCHAR', 'day': 'INT', 'ts': 'TIMESTAMP', 'price': 'DECIMAL(10,2)', 'qty': 'INT'})
WHERE qty IS NULL OR qty <> 75;
