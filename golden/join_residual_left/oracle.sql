SELECT t.trade_id, t.user_id, t.quantity, l.max_qty, l.active, t.side
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {'trade_id': 'INT', 'user_id': 'VARCHAR', 'quantity': 'INT', 'side': 'VARCHAR'}) t
LEFT JOIN read_csv('limits.csv', header = true,
              columns = {'user_id': 'VARCHAR', 'max_qty': 'INT', 'active': 'BOOLEAN'}) l
  ON t.user_id = l.user_id AND t.quantity > l.max_qty AND l.active AND t.side = 'BUY';
