-- name: comparison_null
-- description: = == <> != < <= > >= over INT, DOUBLE, DECIMAL and VARCHAR operands (mixed numeric types compare by value) yield NULL when an operand is NULL
CREATE STREAM pairs (id INT, i BIGINT, d DOUBLE, m DECIMAL(10, 2), s VARCHAR, t VARCHAR)
    WITH ('connector' = 'file', 'path' = 'pairs.jsonl', 'format' = 'json');

SELECT id,
       i = d AS i_eq_d,
       i == m AS i_eqeq_m,
       d <> m AS d_ne_m,
       i != 3 AS i_bangeq_3,
       m < 2.5 AS m_lt,
       d <= i AS d_le_i,
       s > t AS s_gt_t,
       s >= 'b' AS s_ge_b,
       s = t AS s_eq_t
FROM pairs;
