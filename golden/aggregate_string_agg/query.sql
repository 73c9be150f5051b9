-- name: aggregate_string_agg
-- description: STRING_AGG(x, sep) and LISTAGG(x) (',' by default) join a group's non-NULL values in arrival order, in groups and in tumbling windows, numbers cast to text; NULL for a group without a value; checked against DuckDB's string_agg ordered by arrival
CREATE STREAM orders (id INT, region VARCHAR, customer VARCHAR, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

SELECT region, NULL AS minute, STRING_AGG(customer, ' / ') AS customers, LISTAGG(id) AS ids
FROM orders
GROUP BY region
EMIT FINAL;

SELECT region, TUMBLE_START(ts, INTERVAL '1' MINUTE) AS minute, STRING_AGG(customer, ' / ') AS customers, LISTAGG(id) AS ids
FROM orders
GROUP BY region, TUMBLE(ts, INTERVAL '1' MINUTE);
