-- name: decimal_overflow_fail
-- description: with the default 'on.error' = 'fail', a DECIMAL overflow stops the program with exit 1, naming the file, line and reason; every record written before it is complete in the output file
CREATE STREAM positions (id INT, qty DECIMAL(38, 0), price DECIMAL(20, 2))
    WITH ('connector' = 'file', 'path' = 'positions.csv', 'format' = 'csv');

CREATE STREAM notionals WITH ('connector' = 'file', 'path' = './out/notionals.csv', 'format' = 'csv') AS
SELECT id, qty * price AS notional
FROM positions;
