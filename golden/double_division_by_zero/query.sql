-- name: double_division_by_zero
-- description: DOUBLE division and modulo by zero are NULL like every other division by zero (docs/semantics.md), never Infinity or NaN, which JSON cannot hold
CREATE STREAM vals (id INT, d DOUBLE, z DOUBLE, i INT)
    WITH ('connector' = 'file', 'path' = 'vals.jsonl', 'format' = 'json');

SELECT id, d / z AS d_div_z, d % z AS d_mod_z, i / z AS i_div_z, MOD(d, z) AS mod_fn
FROM vals;
