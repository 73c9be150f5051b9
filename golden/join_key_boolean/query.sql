-- name: join_key_boolean
-- description: a BOOLEAN key: a table of at most two rows, probed with TRUE, FALSE and NULL
--
-- policy.csv has true twice (the second row wins) and false once; a NULL
-- probe matches neither. The INNER join drops the record with NULL is_vip.
CREATE STREAM orders (order_id INT, is_vip BOOLEAN, amount DECIMAL(10, 2))
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE TABLE policy (vip BOOLEAN PRIMARY KEY, discount DECIMAL(3, 2), label VARCHAR)
    WITH ('connector' = 'file', 'path' = 'policy.csv', 'format' = 'csv');

SELECT o.order_id, o.is_vip, p.label, o.amount * (1 - p.discount) AS due
FROM orders o
JOIN policy p ON o.is_vip = p.vip;
