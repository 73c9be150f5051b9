WITH users_rows AS (SELECT *, row_number() OVER () AS rn FROM read_csv('users.csv', all_varchar = true)),
     users AS (SELECT user_id, tier FROM users_rows WHERE user_id IS NOT NULL
               QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY rn DESC) = 1 AND tier IS NOT NULL),
     limits_rows AS (SELECT *, row_number() OVER () AS rn
                     FROM read_csv('limits.csv', types = {'user_id': 'VARCHAR', 'max_qty': 'INTEGER'})),
     limits AS (SELECT user_id, max_qty FROM limits_rows WHERE user_id IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY rn DESC) = 1 AND max_qty IS NOT NULL),
     user_limits AS (SELECT u.user_id, u.tier, COALESCE(l.max_qty, 0) AS max_qty
                     FROM users u LEFT JOIN limits l ON u.user_id = l.user_id)
SELECT o.order_id, ul.tier, o.qty > ul.max_qty AS over_limit
FROM read_json('orders.jsonl', format = 'newline_delimited') o
JOIN user_limits ul ON o.user_id = ul.user_id;
