-- name: group_by_changes
-- description: GROUP BY with EMIT CHANGES writes a group's new row for each of the 8 records (3 categories), checked against DuckDB's running window aggregates
CREATE STREAM tx (id BIGINT, category VARCHAR, amount DECIMAL(10,2))
    WITH ('connector' = 'file', 'path' = 'tx.csv', 'format' = 'csv');

SELECT category, COUNT(*) AS n, COUNT(amount) AS priced, SUM(amount) AS total, AVG(amount) AS mean,
       MIN(amount) AS lowest, MAX(amount) AS highest
FROM tx
GROUP BY category
EMIT CHANGES;
