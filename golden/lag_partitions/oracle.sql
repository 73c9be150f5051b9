SELECT trade_id, symbol,
       LAG(price) OVER (PARTITION BY symbol ORDER BY trade_id) AS prev_price,
       LAG(quantity, 2, -1) OVER (PARTITION BY symbol ORDER BY trade_id) AS quantity_two_back,
       quantity - LAG(quantity) OVER (ORDER BY trade_id) AS change_overall
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {trade_id: 'BIGINT', symbol: 'VARCHAR', quantity: 'INT', price: 'DECIMAL(18,2)'})
WHERE trade_id <> 6;
