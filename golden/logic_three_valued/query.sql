-- name: logic_three_valued
-- description: AND, OR, NOT and IS [NOT] TRUE/FALSE/NULL over every pair of TRUE, FALSE and NULL follow SQL's three-valued logic
CREATE STREAM pairs (id INT, a BOOLEAN, b BOOLEAN)
    WITH ('connector' = 'file', 'path' = 'pairs.jsonl', 'format' = 'json');

SELECT id, a, b,
       a AND b AS a_and_b,
       a OR b AS a_or_b,
       NOT a AS not_a,
       NOT (a AND b) OR a AS mixed,
       a IS TRUE AS is_true,
       a IS NOT TRUE AS is_not_true,
       a IS FALSE AS is_false,
       a IS NOT FALSE AS is_not_false,
       b IS NULL AS b_is_null,
       (a AND b) IS NULL AS and_is_null,
       (a OR b) IS NOT NULL AS or_is_not_null
FROM pairs;
