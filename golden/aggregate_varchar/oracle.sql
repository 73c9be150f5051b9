WITH o AS (
  SELECT * FROM read_json('orders.jsonl', format = 'newline_delimited',
                          columns = {id: 'INT', region: 'VARCHAR', customer: 'VARCHAR', ts: 'TIMESTAMP'})
)
SELECT region, NULL AS minute, MIN(customer) AS lowest, MAX(customer) AS highest,
       first(customer ORDER BY id) FILTER (WHERE customer IS NOT NULL) AS first_customer,
       last(customer ORDER BY id) FILTER (WHERE customer IS NOT NULL) AS last_customer
FROM o GROUP BY region
UNION ALL
SELECT region, time_bucket(INTERVAL 1 MINUTE, ts) AS minute, MIN(customer), MAX(customer),
       first(customer ORDER BY id) FILTER (WHERE customer IS NOT NULL),
       last(customer ORDER BY id) FILTER (WHERE customer IS NOT NULL)
FROM o GROUP BY region, time_bucket(INTERVAL 1 MINUTE, ts);
