-- name: error_missing_source_file
-- description: schema discovery from a file that does not exist names the file and the stream
CREATE STREAM orders WITH ('connector' = 'file', 'path' = 'no_such_orders.csv', 'format' = 'csv');

SELECT * FROM orders;
