-- Tables as their final state: the last row per key, a row whose non-key columns are all NULL deletes its key,
-- and a NULL key is not kept.
WITH users_rows AS (SELECT *, row_number() OVER () AS rn FROM read_csv('users.csv', all_varchar = true)),
     users AS (SELECT user_id, tier FROM users_rows WHERE user_id IS NOT NULL
               QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY rn DESC) = 1 AND tier IS NOT NULL),
     limits_rows AS (SELECT *, row_number() OVER () AS rn
                     FROM read_csv('limits.csv', types = {'user_id': 'VARCHAR', 'max_qty': 'INTEGER'})),
     limits AS (SELECT user_id, max_qty FROM limits_rows WHERE user_id IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY rn DESC) = 1 AND max_qty IS NOT NULL)
SELECT u.tier, COUNT(*) AS n, SUM(l.max_qty) AS total_qty
FROM users u
RIGHT JOIN limits l ON u.user_id = l.user_id
GROUP BY u.tier;
