-- name: table_join_full
-- description: a FULL JOIN of two tables reads both as they are once loaded (u3 deleted, u4 updated, a NULL key not kept), checked against DuckDB
CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE limits (user_id VARCHAR PRIMARY KEY, max_qty INT)
    WITH ('connector' = 'file', 'path' = 'limits.csv', 'format' = 'csv');

SELECT u.user_id AS user_id, u.tier, l.user_id AS limit_user, l.max_qty
FROM users u
FULL JOIN limits l ON u.user_id = l.user_id;
