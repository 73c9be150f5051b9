-- name: subquery_null_semantics
-- description: IN / NOT IN / ANY / ALL over subqueries holding NULL, empty subqueries, and a NULL probe follow SQL's three-valued logic; COUNT(x) leaves out NULLs, checked against DuckDB
CREATE TABLE codes (id INT PRIMARY KEY, code VARCHAR, grp VARCHAR)
    WITH ('connector' = 'file', 'path' = 'codes.csv', 'format' = 'csv');
CREATE STREAM events (id INT, code VARCHAR, n INT)
    WITH ('connector' = 'file', 'path' = 'events.jsonl', 'format' = 'json');

SELECT e.id,
       e.code IN (SELECT c.code FROM codes c WHERE c.grp = 'x') AS in_x,
       e.code NOT IN (SELECT c.code FROM codes c WHERE c.grp = 'x') AS not_in_x,
       e.code NOT IN (SELECT c.code FROM codes c WHERE c.grp = 'y') AS not_in_y,
       e.code IN (SELECT c.code FROM codes c WHERE c.grp = 'none') AS in_empty,
       e.code NOT IN (SELECT c.code FROM codes c WHERE c.grp = 'none') AS not_in_empty,
       e.n > ALL (SELECT c.id FROM codes c WHERE c.grp = 'x') AS above_all_x,
       e.n > ANY (SELECT c.id FROM codes c WHERE c.grp = 'x') AS above_any_x,
       e.n < ALL (SELECT c.id FROM codes c WHERE c.grp = 'none') AS below_all_empty,
       EXISTS (SELECT 1 FROM codes c WHERE c.grp = 'none') AS any_none,
       (SELECT c.code FROM codes c WHERE c.id = e.id) AS code_by_id,
       (SELECT MIN(c.code) FROM codes c) AS min_code,
       (SELECT SUM(c.id) FROM codes c WHERE c.grp = 'none') AS sum_empty,
       (SELECT AVG(c.id) FROM codes c) AS avg_id,
       (SELECT COUNT(c.code) FROM codes c) AS count_code,
       (SELECT COUNT(*) FROM codes c) AS count_rows
FROM events e;
