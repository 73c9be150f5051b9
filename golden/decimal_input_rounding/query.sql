-- name: decimal_input_rounding
-- description: input with more fraction digits than the declared DECIMAL scale rounds half-up (away from zero) from the exact text, not via binary floating point; a value that no longer fits after rounding is a bad record
CREATE STREAM prices (id INT, p DECIMAL(5, 2))
    WITH ('connector' = 'file', 'path' = 'prices.jsonl', 'format' = 'json', 'on.error' = 'skip');

SELECT id, p, p * 100 AS cents FROM prices;
