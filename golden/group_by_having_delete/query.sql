-- name: group_by_having_delete
-- description: EMIT CHANGES with HAVING: a group is written while it qualifies, and when it stops qualifying its key with every other column NULL deletes it
CREATE STREAM tx (id BIGINT, category VARCHAR, amount DECIMAL(10,2))
    WITH ('connector' = 'file', 'path' = 'tx.csv', 'format' = 'csv');

SELECT category, COUNT(*) AS n, SUM(amount) AS total
FROM tx
GROUP BY category
HAVING SUM(amount) < 60;
