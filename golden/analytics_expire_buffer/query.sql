-- name: analytics_expire_buffer
-- description: Velostream's OVER options: EXPIRE AFTER 1m drops a symbol's partition once it has been idle a minute of event time (the OVER's ORDER BY), so MSFT at 09:32 and AAPL at 09:33 start afresh (LAG NULL, the row count back to 1), while EMIT ON BUFFER FULL (without EXPIRE AFTER) writes a record only once its partition holds the 2 rows of its buffer, so each symbol's first record is not written
CREATE STREAM ticks (symbol VARCHAR, ts TIMESTAMP, price DECIMAL(10,2))
    WITH ('connector' = 'file', 'path' = 'ticks.csv', 'format' = 'csv');

SELECT symbol, ts, price,
       LAG(price) OVER (PARTITION BY symbol ORDER BY ts EXPIRE AFTER 1m) AS previous_price,
       ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY ts EXPIRE AFTER INTERVAL '1' MINUTE) AS rn
FROM ticks;

SELECT symbol, ts, AVG(price) OVER (ROWS WINDOW BUFFER 2 ROWS PARTITION BY symbol ORDER BY ts EMIT ON BUFFER FULL) AS mean2
FROM ticks;
