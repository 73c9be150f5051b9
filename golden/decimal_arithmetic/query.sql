-- name: decimal_arithmetic
-- description: exact DECIMAL arithmetic: + and - keep the larger scale, * adds the scales, / rounds half-up to its result scale; INT operands count as scale 0; x / 0 is NULL
CREATE STREAM amounts (id INT, a DECIMAL(10, 2), b DECIMAL(8, 4), n INT)
    WITH ('connector' = 'file', 'path' = 'amounts.jsonl', 'format' = 'json');

SELECT id,
       a + b AS a_plus_b,
       a - b AS a_minus_b,
       a * b AS a_times_b,
       a / b AS a_div_b,
       a * n AS a_times_n,
       a / n AS a_div_n,
       a + 0.005 AS a_plus_literal,
       a % n AS a_mod_n
FROM amounts;
