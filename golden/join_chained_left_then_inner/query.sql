-- name: join_chained_left_then_inner
-- description: LEFT JOIN users, then an INNER JOIN on a column of users: a record without a user is dropped by the second join
--
-- Joins read left to right: (orders LEFT JOIN users) JOIN companies. The
-- LEFT join keeps order 5 (user u9 unknown) with NULLs, and then the INNER
-- join on u.company_id (NULL) finds nothing and drops it, as SQL says.
-- Only orders whose user and company are both found remain.
CREATE STREAM orders (order_id INT, user_id VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, name VARCHAR, company_id BIGINT)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

CREATE TABLE companies (company_id BIGINT PRIMARY KEY, company_name VARCHAR, country VARCHAR)
    WITH ('connector' = 'file', 'path' = 'companies.csv', 'format' = 'csv');

SELECT o.order_id, o.user_id, u.name, u.company_id, c.company_name, c.country
FROM orders o
LEFT JOIN users u ON o.user_id = u.user_id
JOIN companies c ON u.company_id = c.company_id;
