SELECT q.id, q.rate, q.whole, b1.level AS rate_level, b1.band AS rate_band, b2.band AS whole_band
FROM read_json('quotes.jsonl', format = 'newline_delimited',
               columns = {'id': 'INT', 'rate': 'DECIMAL(8,3)', 'whole': 'INT'}) q
LEFT JOIN read_csv('bands.csv', header = true, columns = {'level': 'DECIMAL(6,2)', 'band': 'VARCHAR'}) b1
  ON q.rate = b1.level
LEFT JOIN read_csv('bands.csv', header = true, columns = {'level': 'DECIMAL(6,2)', 'band': 'VARCHAR'}) b2
  ON q.whole = b2.level;
