SELECT u.*, o.order_id, o.tier AS order_tier
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'INT', 'uid': 'VARCHAR', 'sku': 'VARCHAR', 'tier': 'VARCHAR'}) o
LEFT JOIN read_csv('users.csv', header = true, columns = {'user_id': 'VARCHAR', 'tier': 'VARCHAR'}) u
  ON o.uid = u.user_id;
