-- name: decimal_overflow_skip
-- description: a DECIMAL product that overflows 38 digits is an error for that record only: with 'on.error' = 'skip' it is counted and warned about, and the other records are written
CREATE STREAM positions (id INT, qty DECIMAL(38, 0), price DECIMAL(20, 2))
    WITH ('connector' = 'file', 'path' = 'positions.jsonl', 'format' = 'json', 'on.error' = 'skip');

SELECT id, qty * price AS notional, qty + 1 AS next_qty
FROM positions;
