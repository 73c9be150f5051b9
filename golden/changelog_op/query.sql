-- SQL Application: category_changelog
-- name: changelog_op
-- description: 'changelog' = 'op' writes Flink-style rows led by an op column: a group's first row is +I, each later change retracts the row as it was (-U) and writes the new one (+U); when HAVING turns false only the retraction is written; a session window's row whose bounds move, or that merges, is retracted with -D
CREATE STREAM category_totals AS
SELECT category PRIMARY KEY, COUNT(*) AS txn_count, SUM(amount) AS total_amount
FROM transactions
GROUP BY category
HAVING SUM(amount) < 60
EMIT CHANGES
WITH (
    'transactions.type' = 'file_source',
    'transactions.path' = './transactions.csv',
    'transactions.format' = 'csv',
    'category_totals.type' = 'file_sink',
    'category_totals.path' = './out/category_totals.csv',
    'category_totals.format' = 'csv',
    'category_totals.changelog' = 'op'
);

CREATE STREAM clicks (user VARCHAR, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'clicks.jsonl', 'format' = 'json', 'timestamp' = 'ts');

CREATE STREAM sessions WITH ('connector' = 'file', 'path' = 'out/sessions.jsonl', 'format' = 'json', 'changelog' = 'op') AS
SELECT user, window_start, window_end, COUNT(*) AS clicks
FROM clicks
GROUP BY user
WINDOW SESSION (30 SECONDS)
EMIT CHANGES;
