-- inventory as a table: the last row per sku, deletes (all non-key NULL) dropped.
WITH raw AS (
    SELECT *, row_number() OVER () AS rn
    FROM read_json('inventory.jsonl', format = 'newline_delimited',
                   columns = {'sku': 'VARCHAR', 'name': 'VARCHAR', 'stock': 'BIGINT', 'price': 'DECIMAL(18,2)'})
), inventory AS (
    SELECT * FROM raw
    WHERE sku IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY sku ORDER BY rn DESC) = 1
)
SELECT o.order_id, o.sku, i.name, i.stock, o.qty, o.qty * i.price AS cost, o.qty <= i.stock AS in_stock
FROM read_csv('orders.csv', header = true,
              columns = {'order_id': 'BIGINT', 'sku': 'VARCHAR', 'qty': 'BIGINT'}) o
LEFT JOIN (SELECT * FROM inventory WHERE name IS NOT NULL OR stock IS NOT NULL OR price IS NOT NULL) i
  ON o.sku = i.sku;
