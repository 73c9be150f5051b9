-- name: error_join_on_partial_composite_key
-- description: ON must give every column of a composite key; the message names the missing one
CREATE STREAM sales (sale_id INT, region VARCHAR, product VARCHAR)
    WITH ('connector' = 'file', 'path' = 'sales.jsonl', 'format' = 'json');

CREATE TABLE prices (region VARCHAR, product VARCHAR, price DECIMAL(8, 2))
    WITH ('connector' = 'file', 'path' = 'prices.csv', 'format' = 'csv', 'key' = 'region, product');

SELECT s.sale_id, p.price
FROM sales s
JOIN prices p ON s.region = p.region;
