SELECT o.order_id, o.user_id, u.user_id AS table_user, u.name, u.tier, u.credit, o.amount
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'BIGINT', 'user_id': 'VARCHAR', 'amount': 'DECIMAL(10,2)'}) o
LEFT JOIN read_json('users.jsonl', format = 'newline_delimited',
               columns = {'user_id': 'VARCHAR', 'name': 'VARCHAR', 'tier': 'VARCHAR', 'credit': 'INT'}) u
  ON o.user_id = u.user_id;
