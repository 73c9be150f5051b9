-- name: join_key_varchar_unicode_empty
-- description: VARCHAR keys compare by bytes: non-ASCII keys, the empty string (a real key, not NULL), quotes, commas, spaces
--
-- codes.csv: a quoted "" is the empty string and is a key; an unquoted empty
-- field is NULL and that row is not kept. Keys are compared exactly, byte by
-- byte: 'ünïcödé' is not 'Ünïcödé', 'abc ' is not 'abc', and 'é' written as
-- one code point (U+00E9) is not 'e' followed by a combining accent
-- (U+0065 U+0301). A JSON escape (\u65e5\u672c) is the same text as 日本.
CREATE STREAM lookups (id INT, code VARCHAR)
    WITH ('connector' = 'file', 'path' = 'lookups.jsonl', 'format' = 'json');

CREATE TABLE codes (code VARCHAR PRIMARY KEY, meaning VARCHAR)
    WITH ('connector' = 'file', 'path' = 'codes.csv', 'format' = 'csv');

SELECT l.id, l.code, c.meaning
FROM lookups l
LEFT JOIN codes c ON l.code = c.code;
