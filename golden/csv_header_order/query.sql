-- name: csv_header_order
-- description: CSV columns are found by name in the header (here in another order than declared, one in other letter case), and a record with fewer or more fields than the header is bad input (skipped)
CREATE STREAM users (id BIGINT, name VARCHAR, score INT)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv', 'on.error' = 'skip');

SELECT id, name, score FROM users;
