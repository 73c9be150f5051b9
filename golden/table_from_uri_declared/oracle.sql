SELECT t.trade_id, t.symbol, m.current_price, m.exchange, t.price - m.current_price AS diff
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {'trade_id': 'INTEGER', 'symbol': 'VARCHAR', 'price': 'DECIMAL(10,2)'}) t
LEFT JOIN read_csv('market.csv', types = {'symbol': 'VARCHAR', 'current_price': 'DECIMAL(10,2)', 'exchange': 'VARCHAR'}) m
  ON t.symbol = m.symbol;
