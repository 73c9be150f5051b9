-- name: schema_discovery_leading_zeros
-- description: schema discovery keeps a column whose values have leading zeros (zip codes, account codes) as VARCHAR, as DuckDB's CSV sniffer does, so '007' is not silently turned into 7
CREATE STREAM accounts WITH ('connector' = 'file', 'path' = 'accounts.csv', 'format' = 'csv');

SELECT * FROM accounts;
