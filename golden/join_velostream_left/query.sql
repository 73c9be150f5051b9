-- name: join_velostream_left
-- description: a Velostream application: a CSV stream LEFT JOINed with a JSON-lines table named in WITH by '<name>.key'; schemas are discovered
--
-- inventory is a table because WITH gives 'inventory.key'; its schema (sku,
-- name, stock, price) is discovered from the file. Its rows upsert by sku:
-- SKU-2 is restocked by a later row, SKU-3 is deleted (every non-key field
-- null). Orders for SKU-3 and SKU-9 are kept with NULLs.
-- SQL Application: order_enrichment
CREATE STREAM enriched_orders AS
SELECT o.order_id,
       o.sku PRIMARY KEY,
       i.name,
       i.stock,
       o.qty,
       o.qty * i.price AS cost,
       o.qty <= i.stock AS in_stock
FROM orders o
LEFT JOIN inventory i ON o.sku = i.sku
EMIT CHANGES
WITH (
    'orders.type' = 'file_source',
    'orders.path' = './orders.csv',
    'orders.format' = 'csv',

    'inventory.type' = 'file_source',
    'inventory.path' = './inventory.jsonl',
    'inventory.format' = 'json',
    'inventory.key' = 'sku',

    'enriched_orders.type' = 'file_sink',
    'enriched_orders.path' = '-',
    'enriched_orders.format' = 'json'
);
