-- name: integer_overflow
-- description: BIGINT * and + that overflow 64 bits, and INT * INT beyond 32 bits, are errors for that record (here skipped and counted), never a wrapped-around number; -2^63 itself still fits
CREATE STREAM nums (id INT, a BIGINT, b BIGINT, x INT, y INT)
    WITH ('connector' = 'file', 'path' = 'nums.jsonl', 'format' = 'json', 'on.error' = 'skip');

SELECT id, a * b AS product, a + 1 AS next_a, x * y AS int_product
FROM nums;
