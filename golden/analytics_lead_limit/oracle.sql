SELECT trade_id, quantity,
       LEAD(quantity, 1, 0) OVER (ORDER BY trade_id) AS next_quantity,
       symbol || '->' || LEAD(symbol, 2, '?') OVER (ORDER BY trade_id) AS symbol_two_ahead
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {trade_id: 'BIGINT', symbol: 'VARCHAR', quantity: 'INT'})
ORDER BY trade_id
LIMIT 4;
