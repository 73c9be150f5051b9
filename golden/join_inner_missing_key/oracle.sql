SELECT o.order_id, o.user_id, u.name, u.tier, o.amount
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'BIGINT', 'user_id': 'VARCHAR', 'amount': 'DECIMAL(10,2)'}) o
JOIN read_csv('users.csv', header = true,
              columns = {'user_id': 'VARCHAR', 'name': 'VARCHAR', 'tier': 'VARCHAR'}) u
  ON o.user_id = u.user_id;
