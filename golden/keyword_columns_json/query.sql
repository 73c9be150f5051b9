-- name: keyword_columns_json
-- description: non-structural keywords (status, metrics, properties, key, value, timestamp, window) work as declared column names of a JSON source
CREATE STREAM events (
    key        VARCHAR,
    value      BIGINT,
    status     VARCHAR,
    metrics    DOUBLE,
    properties VARCHAR,
    timestamp  TIMESTAMP,
    window     INT
) WITH ('connector' = 'file', 'path' = 'events.jsonl', 'format' = 'json');

SELECT key, value, status, metrics, properties, timestamp, window,
       e.value * 2 AS double_value, UPPER(e.status) AS STATUS_UPPER
FROM events e
WHERE status <> 'deleted' AND window >= 1;
