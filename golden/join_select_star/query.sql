-- name: join_select_star
-- description: SELECT * over a stream joined to two tables: the stream's columns, then each table's, in the order of the joins
--
-- No column name appears in two relations (the stream says uid, the users
-- table user_id), so * is unambiguous. Order 3's user is not in users and
-- the INNER join drops it; order 2's product is not in products, and for the
-- LEFT-joined table every column, its key included, is NULL.
CREATE STREAM orders (order_id INT, uid VARCHAR, sku VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

CREATE TABLE products (product_sku VARCHAR PRIMARY KEY, title VARCHAR, price DECIMAL(6, 2))
    WITH ('connector' = 'file', 'path' = 'products.jsonl', 'format' = 'json');

SELECT *
FROM orders o
JOIN users u ON o.uid = u.user_id
LEFT JOIN products p ON o.sku = p.product_sku;
