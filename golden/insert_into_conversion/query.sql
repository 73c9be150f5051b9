-- name: insert_into_conversion
-- description: INSERT INTO a declared stream converts each value to the sink's column type: INT to BIGINT, DOUBLE and DECIMAL(18,4) to DECIMAL(10,2) (half-up), INT to DOUBLE, text to TIMESTAMP
CREATE STREAM raw (id INT, qty INT, price DECIMAL(18, 4), rate DOUBLE, at VARCHAR)
    WITH ('connector' = 'file', 'path' = 'raw.jsonl', 'format' = 'json');

CREATE STREAM clean (id BIGINT, qty DOUBLE, price DECIMAL(10, 2), rate DECIMAL(10, 2), at TIMESTAMP)
    WITH ('connector' = 'file', 'path' = './out/clean.jsonl', 'format' = 'json');

INSERT INTO clean
SELECT id, qty, price, rate, CAST(at AS TIMESTAMP) FROM raw;
