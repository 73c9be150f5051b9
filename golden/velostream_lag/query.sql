-- SQL Application: price_changes
-- name: velostream_lag
-- description: Velostream's window quickstart as written: LAG(price, 1) OVER (ROWS WINDOW BUFFER 10 ROWS PARTITION BY symbol ORDER BY timestamp) and price - LAG(...) over a CSV of 8 prices of 2 symbols write 8 rows, the first of each symbol with NULLs
CREATE STREAM price_changes AS
SELECT symbol, price, timestamp,
       LAG(price, 1) OVER (ROWS WINDOW BUFFER 10 ROWS PARTITION BY symbol ORDER BY timestamp) AS previous_price,
       price - LAG(price, 1) OVER (ROWS WINDOW BUFFER 10 ROWS PARTITION BY symbol ORDER BY timestamp) AS price_change
FROM market_data
EMIT CHANGES
WITH (
    'market_data.type' = 'file_source',
    'market_data.path' = './market_data.csv',
    'market_data.format' = 'csv',
    'price_changes.type' = 'file_sink',
    'price_changes.path' = './out/price_changes.csv',
    'price_changes.format' = 'csv'
);
