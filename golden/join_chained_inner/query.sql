-- name: join_chained_inner
-- description: a chained INNER join: the second table is probed with a column of the first
--
-- companies is joined on u.company_id, a column of the users row the first
-- join found. A record is kept only when both lookups match: order 3's user
-- has a NULL company_id, order 4's company (99) is not in the table, order 5's
-- user (u9) is not in the table, and order 7's user_id is NULL.
CREATE STREAM orders (order_id INT, user_id VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, name VARCHAR, company_id BIGINT)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

CREATE TABLE companies (company_id BIGINT PRIMARY KEY, company_name VARCHAR, country VARCHAR)
    WITH ('connector' = 'file', 'path' = 'companies.csv', 'format' = 'csv');

SELECT o.order_id, o.user_id, u.name, u.company_id, c.company_name, c.country
FROM orders o
JOIN users u ON o.user_id = u.user_id
JOIN companies c ON u.company_id = c.company_id;
