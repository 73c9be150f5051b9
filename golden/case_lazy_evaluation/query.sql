-- name: case_lazy_evaluation
-- description: CASE and COALESCE evaluate lazily: a failing CAST or an overflow in a branch that is not taken never fires, so no record is bad here
CREATE STREAM raw (id INT, kind VARCHAR, v VARCHAR, big BIGINT)
    WITH ('connector' = 'file', 'path' = 'raw.jsonl', 'format' = 'json');

SELECT id,
       CASE WHEN kind = 'num' THEN CAST(v AS INT) ELSE -1 END AS as_int,
       CASE kind WHEN 'big' THEN big * 2 ELSE big END AS doubled_if_big,
       COALESCE(TRY_CAST(v AS INT), 0, CAST(v AS INT)) AS first_int,
       CASE WHEN big > 0 THEN 100 / big END AS share
FROM raw;
