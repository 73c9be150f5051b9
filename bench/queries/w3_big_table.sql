-- SQL Application: w3_big_table
-- W3: each trade probes a table of a million users (lookups out of cache).
CREATE STREAM trades (
    trade_id BIGINT,
    user_id  VARCHAR,
    symbol   VARCHAR,
    quantity INT,
    price    DECIMAL(18, 2)
) WITH ('connector' = 'file', 'path' = '../data/trades.jsonl', 'format' = 'json');

CREATE TABLE users (
    user_id    VARCHAR PRIMARY KEY,
    name       VARCHAR,
    tier       VARCHAR,
    risk_score INT,
    country    VARCHAR
) WITH ('connector' = 'file', 'path' = '../data/users.csv', 'format' = 'csv');

CREATE STREAM scored WITH ('connector' = 'file', 'path' = '../out/w3.jsonl', 'format' = 'json') AS
SELECT t.trade_id, t.user_id, u.tier, u.risk_score, t.quantity * t.price AS notional
FROM trades t
JOIN users u ON t.user_id = u.user_id;
