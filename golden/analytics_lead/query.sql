-- name: analytics_lead
-- description: LEAD of a decimal, of an integer 2 ahead with a default, of text (a VARCHAR held with its record, NULL venues too), in an expression and under Velostream's buffer; several partitions and a NULL symbol; a record is held until the records its LEADs need have come (written just before the one that completes it) and the rest at end of input with NULL or the default; LAG and ROW_NUMBER beside them; WHERE drops the zero-priced trade first; checked against DuckDB's LEAD
CREATE STREAM ticks (symbol VARCHAR, venue VARCHAR, ts TIMESTAMP, price DECIMAL(10,2), qty INT)
    WITH ('connector' = 'file', 'path' = 'ticks.csv', 'format' = 'csv');

SELECT symbol, venue, ts, price,
       LEAD(price) OVER (PARTITION BY symbol ORDER BY ts) AS next_price,
       LEAD(price) OVER (PARTITION BY symbol ORDER BY ts) - price AS price_move,
       LEAD(qty, 2, -1) OVER (PARTITION BY symbol ORDER BY ts) AS qty_two_ahead,
       LEAD(venue, 1, 'none') OVER (ROWS WINDOW BUFFER 10 ROWS PARTITION BY symbol ORDER BY ts) AS next_venue,
       UPPER(venue) || '/' || COALESCE(LEAD(venue) OVER (PARTITION BY symbol ORDER BY ts), '-') AS hop,
       LAG(price) OVER (PARTITION BY symbol ORDER BY ts) AS prev_price,
       ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY ts) AS rn
FROM ticks
WHERE price > 0;
