-- name: in_between_null
-- description: IN / NOT IN with a NULL in the list or a NULL operand, and BETWEEN / NOT BETWEEN with NULL bounds, follow three-valued logic
CREATE STREAM nums (id INT, x INT, lo INT, hi INT, s VARCHAR)
    WITH ('connector' = 'file', 'path' = 'nums.jsonl', 'format' = 'json');

SELECT id,
       x IN (1, 2) AS in_12,
       x IN (1, 2, NULL) AS in_12_null,
       x NOT IN (1, 2) AS not_in_12,
       x NOT IN (1, 2, NULL) AS not_in_12_null,
       x IN (lo, hi) AS in_cols,
       s IN ('a', 'b') AS s_in_ab,
       x BETWEEN lo AND hi AS between_cols,
       x NOT BETWEEN lo AND hi AS not_between_cols,
       x BETWEEN NULL AND 10 AS between_null_lo,
       x BETWEEN 0 AND NULL AS between_null_hi
FROM nums;
