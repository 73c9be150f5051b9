-- SQL Application: large_orders
-- Orders worth more than 1000, as CSV on stdout.
CREATE STREAM orders (
    order_id BIGINT,
    customer VARCHAR,
    amount   DECIMAL(12, 2),
    placed   TIMESTAMP
) WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

CREATE STREAM large_orders WITH ('connector' = 'file', 'path' = '-', 'format' = 'csv') AS
SELECT order_id, UPPER(customer) AS customer, amount
FROM orders
WHERE amount > 1000;
