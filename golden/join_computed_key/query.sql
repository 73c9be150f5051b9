-- name: join_computed_key
-- description: the probe key may be an expression of the stream's columns: UPPER(t.sym), t.desk || '-' || t.book
--
-- market.csv's keys are upper case; the trades' symbols are not. UPPER maps
-- every letter (é -> É). books.jsonl is keyed by '<desk>-<book>'; a NULL desk
-- or book makes the concatenation NULL, which matches nothing (trade 5), and
-- 'fx-' (an empty book) is a key like any other (trade 6).
CREATE STREAM trades (trade_id INT, sym VARCHAR, desk VARCHAR, book VARCHAR)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

CREATE TABLE market (symbol VARCHAR PRIMARY KEY, price DECIMAL(10, 2))
    WITH ('connector' = 'file', 'path' = 'market.csv', 'format' = 'csv');

CREATE TABLE books (id VARCHAR PRIMARY KEY, owner VARCHAR)
    WITH ('connector' = 'file', 'path' = 'books.jsonl', 'format' = 'json');

SELECT t.trade_id, t.sym, m.symbol, m.price, b.id AS book_id, b.owner
FROM trades t
JOIN market m ON UPPER(t.sym) = m.symbol
LEFT JOIN books b ON t.desk || '-' || t.book = b.id;
