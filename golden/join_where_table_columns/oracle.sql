SELECT o.order_id, o.user_id, u.tier, u.credit, o.amount
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'INT', 'user_id': 'VARCHAR', 'amount': 'INT'}) o
JOIN read_csv('users.csv', header = true,
              columns = {'user_id': 'VARCHAR', 'tier': 'VARCHAR', 'credit': 'INT'}) u
  ON o.user_id = u.user_id
WHERE (u.tier = 'premium' OR o.amount > 100) AND o.amount > 0 AND u.credit >= o.amount;
