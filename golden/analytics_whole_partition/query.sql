-- name: analytics_whole_partition
-- description: PERCENT_RANK and CUME_DIST with ties (peers share a value), NTILE with more rows than buckets and with fewer, in an expression, under Velostream's buffer (which they do not read), beside LEAD and RANK; a NULL symbol is a partition; every record is held until the input ends and written then, in arrival order; checked against DuckDB's window functions
CREATE STREAM ticks (symbol VARCHAR, day INT, ts TIMESTAMP, price DECIMAL(10,2), qty INT)
    WITH ('connector' = 'file', 'path' = 'ticks.csv', 'format' = 'csv');

SELECT symbol, day, ts, price,
       PERCENT_RANK() OVER (PARTITION BY symbol ORDER BY day) AS day_pct,
       CUME_DIST() OVER (PARTITION BY symbol ORDER BY day) AS day_cume,
       NTILE(3) OVER (PARTITION BY symbol ORDER BY ts) AS tercile,
       ROUND(100 * PERCENT_RANK() OVER (PARTITION BY symbol ORDER BY day), 1) AS day_pct100,
       NTILE(2) OVER (ROWS WINDOW BUFFER 3 ROWS PARTITION BY symbol ORDER BY ts) AS half,
       LEAD(price) OVER (PARTITION BY symbol ORDER BY ts) AS next_price,
       RANK() OVER (PARTITION BY symbol ORDER BY day) AS day_rank
FROM ticks
WHERE qty IS NULL OR qty <> 75;
