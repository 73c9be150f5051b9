SELECT symbol, UPPER(side) AS side, COUNT(*) AS trades, SUM(quantity) AS volume,
       MAX(price) - MIN(price) AS spread, SUM(quantity * price) AS notional, AVG(quantity) AS mean_quantity
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {trade_id: 'BIGINT', symbol: 'VARCHAR', side: 'VARCHAR', quantity: 'INT', price: 'DECIMAL(18,2)'})
WHERE trade_id <> 2
GROUP BY symbol, UPPER(side)
HAVING COUNT(*) >= 1 AND (SUM(quantity) IS NULL OR SUM(quantity) > 4);
