-- name: subquery_indexed
-- description: subqueries correlated on columns other than the table's key use an index built from the table (EXISTS, COUNT, MAX, IN, ANY, ALL, a scalar value), checked against DuckDB
CREATE TABLE users (user_id VARCHAR PRIMARY KEY, country VARCHAR, tier VARCHAR, risk_score INT)
    WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');
CREATE STREAM trades (trade_id INT, user_id VARCHAR, country VARCHAR, risk INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT t.trade_id,
       EXISTS (SELECT 1 FROM users u WHERE u.country = t.country AND u.user_id <> t.user_id) AS has_compatriot,
       (SELECT COUNT(*) FROM users u WHERE u.country = t.country) AS users_in_country,
       (SELECT MAX(u.risk_score) FROM users u WHERE u.country = t.country AND u.tier <> 'basic') AS max_risk,
       t.risk IN (SELECT u.risk_score FROM users u WHERE u.country = t.country) AS risk_seen,
       t.risk > ALL (SELECT u.risk_score FROM users u WHERE u.country = t.country) AS riskier_than_all,
       t.risk < ANY (SELECT u.risk_score FROM users u WHERE u.country = t.country) AS below_some,
       (SELECT u.tier FROM users u WHERE u.country = t.country AND u.risk_score > 50) AS risky_tier
FROM trades t;
