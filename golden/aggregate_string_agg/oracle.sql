WITH o AS (
  SELECT * FROM read_json('orders.jsonl', format = 'newline_delimited',
                          columns = {id: 'INT', region: 'VARCHAR', customer: 'VARCHAR', ts: 'TIMESTAMP'})
)
SELECT region, NULL AS minute, string_agg(customer, ' / ' ORDER BY id) AS customers,
       string_agg(CAST(id AS VARCHAR), ',' ORDER BY id) AS ids
FROM o GROUP BY region
UNION ALL
SELECT region, time_bucket(INTERVAL 1 MINUTE, ts), string_agg(customer, ' / ' ORDER BY id),
       string_agg(CAST(id AS VARCHAR), ',' ORDER BY id)
FROM o GROUP BY region, time_bucket(INTERVAL 1 MINUTE, ts);
