-- name: join_chained_left
-- description: a chained LEFT join: when the first table has no row, the second cannot match either
--
-- Every order is kept. Order 5's user (u9) is not in users, so u.company_id
-- is NULL and companies is probed with NULL: no match, NULLs for both
-- tables. Order 3's user has a NULL company_id; order 4's company (99) is
-- not in companies.
CREATE STREAM orders (order_id INT, user_id VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, name VARCHAR, company_id BIGINT)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

CREATE TABLE companies (company_id BIGINT PRIMARY KEY, company_name VARCHAR, country VARCHAR)
    WITH ('connector' = 'file', 'path' = 'companies.csv', 'format' = 'csv');

SELECT o.order_id, o.user_id, u.name, u.company_id, c.company_name, c.country
FROM orders o
LEFT JOIN users u ON o.user_id = u.user_id
LEFT JOIN companies c ON u.company_id = c.company_id;
