SELECT o.order_id, o.user_id, u.name, u.company_id, c.company_name, c.country
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'INT', 'user_id': 'VARCHAR'}) o
LEFT JOIN read_csv('users.csv', header = true, columns = {'user_id': 'VARCHAR', 'name': 'VARCHAR', 'company_id': 'BIGINT'}) u ON o.user_id = u.user_id
JOIN read_csv('companies.csv', header = true, columns = {'company_id': 'BIGINT', 'company_name': 'VARCHAR', 'country': 'VARCHAR'}) c ON u.company_id = c.company_id;
