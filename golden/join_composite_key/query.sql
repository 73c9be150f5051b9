-- name: join_composite_key
-- description: a table keyed by two columns: a record matches only when both parts match
--
-- prices.csv is keyed by (region, product), declared with 'key' = 'region, product'.
--   sale 2: region matches a row, product does not        -> no match
--   sale 3: product matches a row, region does not        -> no match
--   sale 4: a NULL product                                 -> no match
--   sales 6 and 7: ('a|b', 'c') is a key, ('a', 'b|c') is not: the parts
--       are compared one by one, never as one joined string
--   the row (EU, NULL) has a NULL key part and is not kept (sale 8)
--   (US, widget) appears twice: the second price wins
-- The ON clause gives the parts in the other order than the key declares.
CREATE STREAM sales (sale_id INT, region VARCHAR, product VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'sales.jsonl', 'format' = 'json');

CREATE TABLE prices (region VARCHAR, product VARCHAR, price DECIMAL(8, 2))
    WITH ('connector' = 'file', 'path' = 'prices.csv', 'format' = 'csv',
          'key' = 'region, product');

SELECT s.sale_id, s.region, s.product, p.price, s.qty * p.price AS total
FROM sales s
LEFT JOIN prices p ON s.product = p.product AND s.region = p.region;
