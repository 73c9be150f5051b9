-- name: analytics_running
-- description: the row analytics besides LAG over rows in time order: ROW_NUMBER, RANK and DENSE_RANK (peers share a rank), FIRST_VALUE, LAST_VALUE and NTH_VALUE, running SUM, COUNT and AVG over the whole partition so far, MIN / MAX / AVG over ROWS frames and Velostream's buffer; a NULL quantity is passed over, NULL symbols form one partition; checked against DuckDB's window functions with the same ROWS frames
CREATE STREAM ticks (symbol VARCHAR, day INT, ts TIMESTAMP, price DECIMAL(10,2), qty INT)
    WITH ('connector' = 'file', 'path' = 'ticks.csv', 'format' = 'csv');

SELECT symbol, ts, price, qty,
       ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY ts) AS rn,
       RANK() OVER (PARTITION BY symbol ORDER BY day) AS day_rank,
       DENSE_RANK() OVER (PARTITION BY symbol ORDER BY day) AS day_dense_rank,
       FIRST_VALUE(price) OVER (PARTITION BY symbol ORDER BY ts) AS open_price,
       LAST_VALUE(price) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_price,
       NTH_VALUE(price, 2) OVER (PARTITION BY symbol ORDER BY ts) AS second_price,
       SUM(qty) OVER (PARTITION BY symbol ORDER BY ts) AS volume_so_far,
       COUNT(qty) OVER (PARTITION BY symbol ORDER BY ts) AS sized_trades,
       COUNT(*) OVER (PARTITION BY symbol ORDER BY ts) AS trades,
       AVG(price) OVER (PARTITION BY symbol ORDER BY ts) AS mean_price,
       MIN(price) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS low3,
       MAX(qty) OVER (PARTITION BY symbol ORDER BY ts ROWS 1 PRECEDING) AS high_qty2,
       AVG(qty) OVER (ROWS WINDOW BUFFER 3 ROWS PARTITION BY symbol ORDER BY ts) AS mean_qty3,
       price - FIRST_VALUE(price) OVER (ROWS WINDOW BUFFER 2 ROWS PARTITION BY symbol ORDER BY ts) AS move2
FROM ticks;
