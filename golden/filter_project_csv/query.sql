-- name: filter_project_csv
-- description: CSV source with a discovered schema; WHERE, arithmetic, aliases and CSV output to stdout
CREATE STREAM users WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');

CREATE STREAM risky WITH ('connector' = 'file', 'path' = '-', 'format' = 'csv') AS
SELECT user_id, UPPER(name) AS name, risk_score * 2 AS doubled, balance
FROM users
WHERE risk_score >= 40 AND country <> 'US';
