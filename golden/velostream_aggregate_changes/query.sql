-- SQL Application: category_totals
-- name: velostream_aggregate_changes
-- description: Velostream's aggregate quickstart as written: CREATE TABLE AS with `category PRIMARY KEY`, GROUP BY and EMIT CHANGES over a CSV of 8 transactions in 3 categories (types discovered from the file) writes 8 changelog rows to a CSV sink
CREATE TABLE category_totals AS
SELECT category PRIMARY KEY,
       COUNT(*) AS txn_count,
       SUM(amount) AS total_amount,
       AVG(amount) AS avg_amount
FROM transactions
GROUP BY category
EMIT CHANGES
WITH (
    'transactions.type' = 'file_source',
    'transactions.path' = './transactions.csv',
    'transactions.format' = 'csv',
    'category_totals.type' = 'file_sink',
    'category_totals.path' = './out/category_totals.csv',
    'category_totals.format' = 'csv'
);
