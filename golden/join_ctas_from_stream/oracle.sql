-- doubled: the query's rows in input order, the last per symbol kept, NULL
-- symbols dropped, and a symbol whose last row has p NULL deleted.
WITH rows AS (
    SELECT symbol, price * 2 AS p, row_number() OVER () AS rn
    FROM read_json('ticks.jsonl', format = 'newline_delimited',
                   columns = {'symbol': 'VARCHAR', 'price': 'DECIMAL(10,2)'})
), doubled AS (
    SELECT * FROM rows
    WHERE symbol IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY symbol ORDER BY rn DESC) = 1
)
SELECT o.order_id, o.symbol, d.p
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'INT', 'symbol': 'VARCHAR'}) o
JOIN (SELECT * FROM doubled WHERE p IS NOT NULL) d ON o.symbol = d.symbol;
