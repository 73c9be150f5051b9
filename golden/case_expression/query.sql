-- name: case_expression
-- description: searched and simple CASE, with and without ELSE (no match gives NULL), NULL conditions and a NULL operand that matches no WHEN
CREATE STREAM orders (id INT, qty INT, side VARCHAR, price DECIMAL(10, 2))
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

SELECT id,
       CASE WHEN qty >= 100 THEN 'large' WHEN qty >= 10 THEN 'medium' ELSE 'small' END AS size,
       CASE WHEN qty > 50 THEN 'big' END AS big_or_null,
       CASE side WHEN 'B' THEN 'buy' WHEN 'S' THEN 'sell' ELSE 'other' END AS side_name,
       CASE side WHEN 'B' THEN 1 WHEN 'S' THEN -1 END AS sign,
       CASE WHEN price IS NULL THEN 0 WHEN qty < 10 THEN price ELSE price * 2 END AS adjusted,
       CASE WHEN NULL THEN 'never' WHEN qty = qty THEN 'self' ELSE 'null qty' END AS null_condition
FROM orders;
