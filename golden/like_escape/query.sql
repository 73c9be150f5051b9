-- name: like_escape
-- description: LIKE and NOT LIKE with % and _ (one character, even a multi-byte one), case sensitivity, ESCAPE for literal % and _, and NULL operands
CREATE STREAM codes (id INT, code VARCHAR, pattern VARCHAR)
    WITH ('connector' = 'file', 'path' = 'codes.jsonl', 'format' = 'json');

SELECT id, code,
       code LIKE 'A%' AS starts_a,
       code LIKE '%\_%' AS has_backslash_any,
       code LIKE '%!_%' ESCAPE '!' AS has_underscore,
       code LIKE '100!%' ESCAPE '!' AS is_100_percent,
       code LIKE 'caf_' AS caf_one_char,
       code NOT LIKE '%b%' AS no_b,
       code LIKE pattern AS matches_pattern,
       code LIKE '' AS is_empty
FROM codes;
