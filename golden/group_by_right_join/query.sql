-- name: group_by_right_join
-- description: GROUP BY over a RIGHT JOIN of two tables with EMIT FINAL: the rows nothing matched join their groups too, and every group comes out once, checked against DuckDB
CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE limits (user_id VARCHAR PRIMARY KEY, max_qty INT)
    WITH ('connector' = 'file', 'path' = 'limits.csv', 'format' = 'csv');

SELECT u.tier, COUNT(*) AS n, SUM(l.max_qty) AS total_qty
FROM users u
RIGHT JOIN limits l ON u.user_id = l.user_id
GROUP BY u.tier
EMIT FINAL;
