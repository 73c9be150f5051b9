SELECT o.order_id, o.user_id, u.user_id IS NOT NULL AS matched, u.credit, o.amount
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'INT', 'user_id': 'VARCHAR', 'amount': 'INT'}) o
LEFT JOIN read_csv('users.csv', header = true,
              columns = {'user_id': 'VARCHAR', 'tier': 'VARCHAR', 'credit': 'INT'}) u
  ON o.user_id = u.user_id
WHERE u.tier IS NULL;
