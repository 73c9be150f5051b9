WITH users AS (SELECT * FROM read_csv('users.csv', types = {'user_id': 'VARCHAR', 'country': 'VARCHAR', 'tier': 'VARCHAR', 'risk_score': 'INTEGER'})),
     trades AS (SELECT * FROM read_json('trades.jsonl', format = 'newline_delimited',
                columns = {'trade_id': 'INTEGER', 'user_id': 'VARCHAR', 'country': 'VARCHAR', 'risk': 'INTEGER'}))
SELECT t.trade_id,
       EXISTS (SELECT 1 FROM users u WHERE u.country = t.country AND u.user_id <> t.user_id) AS has_compatriot,
       (SELECT COUNT(*) FROM users u WHERE u.country = t.country) AS users_in_country,
       (SELECT MAX(u.risk_score) FROM users u WHERE u.country = t.country AND u.tier <> 'basic') AS max_risk,
       t.risk IN (SELECT u.risk_score FROM users u WHERE u.country = t.country) AS risk_seen,
       t.risk > ALL (SELECT u.risk_score FROM users u WHERE u.country = t.country) AS riskier_than_all,
       t.risk < ANY (SELECT u.risk_score FROM users u WHERE u.country = t.country) AS below_some,
       (SELECT u.tier FROM users u WHERE u.country = t.country AND u.risk_score > 50) AS risky_tier
FROM trades t;
