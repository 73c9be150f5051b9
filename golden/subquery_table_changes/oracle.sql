-- The table as its final state: last row per key, a row with every non-key column NULL deletes its key,
-- a NULL key is not kept.
WITH rows AS (SELECT *, row_number() OVER () AS rn
              FROM read_csv('limits.csv', types = {'user_id': 'VARCHAR', 'max_qty': 'INTEGER', 'desk': 'VARCHAR'})),
     limits AS (SELECT user_id, max_qty, desk FROM rows WHERE user_id IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY rn DESC) = 1
                    AND NOT (max_qty IS NULL AND desk IS NULL)),
     orders AS (SELECT * FROM read_json('orders.jsonl', format = 'newline_delimited',
                columns = {'order_id': 'INTEGER', 'user_id': 'VARCHAR', 'qty': 'INTEGER'}))
SELECT o.order_id,
       EXISTS (SELECT 1 FROM limits l WHERE l.user_id = o.user_id) AS has_limit,
       o.qty > (SELECT l.max_qty FROM limits l WHERE l.user_id = o.user_id) AS over_limit,
       o.user_id IN (SELECT l.user_id FROM limits l WHERE l.desk = 'fx') AS fx_user,
       o.user_id NOT IN (SELECT l.user_id FROM limits l) AS unknown_user,
       (SELECT COUNT(*) FROM limits l) AS limit_rows,
       (SELECT SUM(l.max_qty) FROM limits l WHERE l.desk = 'rates') AS rates_total,
       (SELECT MAX(l.max_qty) FROM limits l WHERE l.desk = 'fx' AND l.user_id <> o.user_id) AS other_fx_max
FROM orders o;
