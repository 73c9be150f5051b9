SELECT e.id, e.a, e.b, w.wide_label, n.narrow_label
FROM read_json('events.jsonl', format = 'newline_delimited',
               columns = {'id': 'INT', 'a': 'INT', 'b': 'BIGINT'}) e
LEFT JOIN read_csv('wide.csv', header = true, columns = {'k': 'BIGINT', 'wide_label': 'VARCHAR'}) w
  ON e.a = w.k
LEFT JOIN read_csv('narrow.csv', header = true, columns = {'k': 'INT', 'narrow_label': 'VARCHAR'}) n
  ON e.b = n.k;
