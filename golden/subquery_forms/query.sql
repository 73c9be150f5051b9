-- name: subquery_forms
-- description: EXISTS, NOT EXISTS, scalar, IN, NOT IN, ANY and ALL subqueries against tables, keyed and uncorrelated, checked against DuckDB
CREATE TABLE users (user_id VARCHAR PRIMARY KEY, name VARCHAR, tier VARCHAR, risk_score INT, country VARCHAR)
  WITH ('connector' = 'file', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE limits WITH ('connector' = 'file', 'path' = 'limits.csv', 'key' = 'user_id');
CREATE TABLE market WITH ('connector' = 'file', 'path' = 'market.csv', 'key' = 'symbol');
CREATE STREAM trades WITH ('connector' = 'file', 'path' = 'trades.jsonl');
SELECT t.trade_id,
       EXISTS (SELECT 1 FROM limits l WHERE l.user_id = t.user_id) AS has_limit,
       (SELECT l.max_qty FROM limits l WHERE l.user_id = t.user_id) AS max_qty,
       t.user_id IN (SELECT u.user_id FROM users u WHERE u.tier = 'premium') AS premium,
       t.symbol NOT IN (SELECT m.symbol FROM market m WHERE m.current_price > 300) AS cheap,
       (SELECT MAX(m.current_price) FROM market m) AS top_price,
       (SELECT COUNT(*) FROM users u WHERE u.country = 'US') AS us_users,
       t.price > ALL (SELECT m.current_price FROM market m WHERE m.symbol = t.symbol) AS above_market,
       t.quantity < ANY (SELECT l.max_qty FROM limits l) AS under_some_max
FROM trades t
WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = t.user_id AND u.risk_score > 50);
