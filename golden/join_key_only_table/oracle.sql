SELECT o.order_id, o.user_id, f.user_id IS NOT NULL AS flagged
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'INT', 'user_id': 'VARCHAR'}) o
JOIN read_csv('allowed.csv', header = true, columns = {'user_id': 'VARCHAR'}) a
  ON o.user_id = a.user_id
LEFT JOIN read_json('flagged.jsonl', format = 'newline_delimited', columns = {'user_id': 'VARCHAR'}) f
  ON o.user_id = f.user_id;
