-- name: aggregate_varchar
-- description: MIN, MAX, FIRST and LAST of a VARCHAR in groups and in tumbling windows: by bytes (UTF-8 code point order, so 'B' < 'a' < 'Å'), NULLs passed over, the empty string kept, long and short strings; the group table owns the strings, the record's buffer is reused; checked against DuckDB
CREATE STREAM orders (id INT, region VARCHAR, customer VARCHAR, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

SELECT region, NULL AS minute, MIN(customer) AS lowest, MAX(customer) AS highest, FIRST(customer) AS first_customer,
       LAST(customer) AS last_customer
FROM orders
GROUP BY region
EMIT FINAL;

SELECT region, TUMBLE_START(ts, INTERVAL '1' MINUTE) AS minute, MIN(customer) AS lowest, MAX(customer) AS highest,
       FIRST(customer) AS first_customer, LAST(customer) AS last_customer
FROM orders
GROUP BY region, TUMBLE(ts, INTERVAL '1' MINUTE);
