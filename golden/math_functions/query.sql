-- name: math_functions
-- description: ABS, ROUND (half away from zero, with and without digits), FLOOR and CEIL over INT, DOUBLE and DECIMAL, and CAST(DOUBLE AS INT) (half to even, as DuckDB), with negative values, halves and NULL
CREATE STREAM vals (id INT, i INT, d DOUBLE, m DECIMAL(10, 3))
    WITH ('connector' = 'file', 'path' = 'vals.jsonl', 'format' = 'json');

SELECT id,
       ABS(i) AS abs_i, ABS(d) AS abs_d, ABS(m) AS abs_m,
       ROUND(d) AS round_d, ROUND(d, 1) AS round_d_1,
       ROUND(m) AS round_m, ROUND(m, 2) AS round_m_2,
       FLOOR(d) AS floor_d, CEIL(d) AS ceil_d,
       FLOOR(m) AS floor_m, CEIL(m) AS ceil_m,
       CAST(d AS INT) AS d_to_int
FROM vals;
