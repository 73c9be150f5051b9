-- The table's last row per key.
WITH policy AS (
    SELECT * FROM (
        SELECT *, row_number() OVER () AS rn
        FROM read_csv('policy.csv', header = true,
                      columns = {'vip': 'BOOLEAN', 'discount': 'DECIMAL(3,2)', 'label': 'VARCHAR'}))
    WHERE vip IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY vip ORDER BY rn DESC) = 1
)
SELECT o.order_id, o.is_vip, p.label, o.amount * (1 - p.discount) AS due
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'INT', 'is_vip': 'BOOLEAN', 'amount': 'DECIMAL(10,2)'}) o
JOIN policy p ON o.is_vip = p.vip;
