SELECT *
FROM read_json('orders.jsonl', format = 'newline_delimited',
               columns = {'order_id': 'INT', 'uid': 'VARCHAR', 'sku': 'VARCHAR'}) o
JOIN read_csv('users.csv', header = true, columns = {'user_id': 'VARCHAR', 'tier': 'VARCHAR'}) u
  ON o.uid = u.user_id
LEFT JOIN read_json('products.jsonl', format = 'newline_delimited',
                    columns = {'product_sku': 'VARCHAR', 'title': 'VARCHAR', 'price': 'DECIMAL(6,2)'}) p
  ON o.sku = p.product_sku;
