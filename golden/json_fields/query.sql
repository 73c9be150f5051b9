-- name: json_fields
-- description: JSON lines: a missing field and an explicit null are both NULL, fields come in any order, extra (nested) fields are ignored, \u escapes (including a surrogate pair) decode, blank lines are skipped
CREATE STREAM users (id BIGINT, name VARCHAR, score DOUBLE, active BOOLEAN)
    WITH ('connector' = 'file', 'path' = 'users.jsonl', 'format' = 'json');

SELECT id, name, score, active, name IS NULL AS name_missing
FROM users;
