-- name: keyword_columns_csv
-- description: keyword-named columns (status, metrics, properties, key, value, timestamp, window) of a CSV source whose schema is discovered
CREATE STREAM events WITH ('connector' = 'file', 'path' = 'events.csv', 'format' = 'csv');

SELECT events.key, events.value, status, metrics, properties, timestamp, window
FROM events
WHERE status = 'active' OR value > 25;
