SELECT t.trade_id, t.sym, m.symbol, m.price, b.id AS book_id, b.owner
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {'trade_id': 'INT', 'sym': 'VARCHAR', 'desk': 'VARCHAR', 'book': 'VARCHAR'}) t
JOIN read_csv('market.csv', header = true, columns = {'symbol': 'VARCHAR', 'price': 'DECIMAL(10,2)'}) m
  ON UPPER(t.sym) = m.symbol
LEFT JOIN read_json('books.jsonl', format = 'newline_delimited',
                    columns = {'id': 'VARCHAR', 'owner': 'VARCHAR'}) b
  ON t.desk || '-' || t.book = b.id;
