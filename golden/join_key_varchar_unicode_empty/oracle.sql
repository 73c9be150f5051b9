-- A quoted "" is the empty string (allow_quoted_nulls = false); an unquoted
-- empty field is NULL and can never match.
SELECT l.id, l.code, c.meaning
FROM read_json('lookups.jsonl', format = 'newline_delimited',
               columns = {'id': 'INT', 'code': 'VARCHAR'}) l
LEFT JOIN (SELECT * FROM read_csv('codes.csv', header = true, allow_quoted_nulls = false,
                                  columns = {'code': 'VARCHAR', 'meaning': 'VARCHAR'})
           WHERE code IS NOT NULL) c
  ON l.code = c.code;
