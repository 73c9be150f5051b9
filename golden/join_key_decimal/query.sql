-- name: join_key_decimal
-- description: a DECIMAL key probed with a DECIMAL of another scale and with an INT: equal values match, exactly
--
-- bands is keyed by DECIMAL(6, 2). The stream's rate is DECIMAL(8, 3) and
-- whole is INT; each probes the table in its own join.
--   rate 1.500 equals the key 1.50 and matches; 1.505 is not 1.50 or 1.51
--   (no rounding) and matches nothing; -0.250 matches -0.25; 0.000 matches 0.00
--   whole 2 matches the key 2.00; whole 3 matches nothing
--   rate 99999.990 and whole 2147483647 are beyond DECIMAL(6, 2): no match, no error
CREATE STREAM quotes (id INT, rate DECIMAL(8, 3), whole INT)
    WITH ('connector' = 'file', 'path' = 'quotes.jsonl', 'format' = 'json');

CREATE TABLE bands (level DECIMAL(6, 2) PRIMARY KEY, band VARCHAR)
    WITH ('connector' = 'file', 'path' = 'bands.csv', 'format' = 'csv');

SELECT q.id, q.rate, q.whole, b1.level AS rate_level, b1.band AS rate_band, b2.band AS whole_band
FROM quotes q
LEFT JOIN bands b1 ON q.rate = b1.level
LEFT JOIN bands b2 ON q.whole = b2.level;
