-- name: integer_arithmetic
-- description: integer / truncates toward zero, % and MOD take the sign of the dividend, / and % by zero give NULL, ^ is a DOUBLE power, unary minus and precedence
CREATE STREAM nums (id INT, a BIGINT, b INT)
    WITH ('connector' = 'file', 'path' = 'nums.jsonl', 'format' = 'json');

SELECT id,
       a + b AS add,
       a - b AS sub,
       a * b AS mul,
       a / b AS div,
       a % b AS rem,
       MOD(a, b) AS mod_fn,
       b ^ 2 AS pow,
       -a + b * 2 - (a - b) / 2 AS mixed
FROM nums;
