-- name: error_insert_into_mismatch
-- description: INSERT INTO a declared stream checks the query against the sink: a VARCHAR into an INT column, too few columns and an unknown target are each an error
CREATE STREAM raw (id INT, name VARCHAR)
    WITH ('connector' = 'file', 'path' = 'raw.jsonl', 'format' = 'json');
CREATE STREAM clean (id INT, qty INT)
    WITH ('connector' = 'file', 'path' = './out/clean.jsonl', 'format' = 'json');

INSERT INTO clean SELECT id, name FROM raw;

INSERT INTO clean SELECT id FROM raw;

INSERT INTO cleen SELECT id, 1 FROM raw;
