-- The table's last row per (region, product) key, NULL key parts dropped.
WITH raw AS (
    SELECT *, row_number() OVER () AS rn
    FROM read_csv('prices.csv', header = true,
                  columns = {'region': 'VARCHAR', 'product': 'VARCHAR', 'price': 'DECIMAL(8,2)'})
), prices AS (
    SELECT * FROM raw
    WHERE region IS NOT NULL AND product IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY region, product ORDER BY rn DESC) = 1
)
SELECT s.sale_id, s.region, s.product, p.price, s.qty * p.price AS total
FROM read_json('sales.jsonl', format = 'newline_delimited',
               columns = {'sale_id': 'INT', 'region': 'VARCHAR', 'product': 'VARCHAR', 'qty': 'INT'}) s
LEFT JOIN prices p ON s.product = p.product AND s.region = p.region;
