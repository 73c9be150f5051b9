WITH users AS (SELECT * FROM read_csv('users.csv')),
     limits AS (SELECT * FROM read_csv('limits.csv')),
     market AS (SELECT * FROM read_csv('market.csv', types = {'current_price': 'DECIMAL(18,2)'})),
     trades AS (SELECT trade_id, user_id, symbol, quantity, CAST(price AS DECIMAL(18,2)) AS price
                FROM read_json('trades.jsonl', format = 'newline_delimited'))
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
