-- name: join_select_qualified_star
-- description: u.* and o.* select one relation's columns each; u.* first puts the table's columns first
--
-- Both relations have a column named tier, so SELECT * or o.*, u.* would
-- give two columns named tier; here u.* is followed by chosen columns of o,
-- one renamed. In a LEFT join u.* is all NULL for a miss (order 3).
CREATE STREAM orders (order_id INT, uid VARCHAR, sku VARCHAR, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE users (user_id VARCHAR PRIMARY KEY, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

SELECT u.*, o.order_id, o.tier AS order_tier
FROM orders o
LEFT JOIN users u ON o.uid = u.user_id;
