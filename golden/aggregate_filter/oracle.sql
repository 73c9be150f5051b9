
SELECT symbol, COUNT(*) AS trades, COUNT(*) FILTER (WHERE side = 'buy') AS buys,
       SUM(quantity) FILTER (WHERE side = 'sell') AS sold, SUM(quantity) AS volume,
       MAX(price) FILTER (WHERE quantity >= 10) AS top_big
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {trade_id: 'BIGINT', symbol: 'VARCHAR', side: 'VARCHAR', quantity: 'INT', price: 'DECIMAL(18,2)'})
GROUP BY symbol;
