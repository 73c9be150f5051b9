-- name: cast_error_fail
-- description: CAST of text that is not a number is an error for the record (TRY_CAST of the same text is NULL); with the default 'on.error' = 'fail' the program stops there with exit 1
CREATE STREAM raw (id INT, qty VARCHAR)
    WITH ('connector' = 'file', 'path' = 'raw.csv', 'format' = 'csv');

SELECT id, TRY_CAST(qty AS INT) AS try_qty, CAST(qty AS INT) * 2 AS double_qty
FROM raw;
