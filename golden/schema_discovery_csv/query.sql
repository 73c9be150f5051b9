-- name: schema_discovery_csv
-- description: a CSV source without declared columns gets its schema from the header and sampled values (BIGINT, DECIMAL, DOUBLE, BOOLEAN, TIMESTAMP, VARCHAR); SELECT * shows the types in how values print
CREATE STREAM readings WITH ('connector' = 'file', 'path' = 'readings.csv', 'format' = 'csv');

SELECT * FROM readings;
