-- name: subquery_table_changes
-- description: subqueries see a table's final state: duplicate keys (last wins), a delete (u3), a row with a NULL key not kept, a partial row (u4); keyed, indexed and uncorrelated forms, checked against DuckDB
CREATE TABLE limits (user_id VARCHAR PRIMARY KEY, max_qty INT, desk VARCHAR)
    WITH ('connector' = 'file', 'path' = 'limits.csv', 'format' = 'csv');
CREATE STREAM orders (order_id INT, user_id VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'orders.jsonl', 'format' = 'json');

SELECT o.order_id,
       EXISTS (SELECT 1 FROM limits l WHERE l.user_id = o.user_id) AS has_limit,
       o.qty > (SELECT l.max_qty FROM limits l WHERE l.user_id = o.user_id) AS over_limit,
       o.user_id IN (SELECT l.user_id FROM limits l WHERE l.desk = 'fx') AS fx_user,
       o.user_id NOT IN (SELECT l.user_id FROM limits l) AS unknown_user,
       (SELECT COUNT(*) FROM limits l) AS limit_rows,
       (SELECT SUM(l.max_qty) FROM limits l WHERE l.desk = 'rates') AS rates_total,
       (SELECT MAX(l.max_qty) FROM limits l WHERE l.desk = 'fx' AND l.user_id <> o.user_id) AS other_fx_max
FROM orders o;
