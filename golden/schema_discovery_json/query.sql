-- name: schema_discovery_json
-- description: a Velostream file_source without declared columns gets its schema from the JSON-lines keys and values (BIGINT, DECIMAL, DOUBLE, BOOLEAN, TIMESTAMP, VARCHAR; a key missing from some lines is nullable); SELECT * shows the types in how values print
SELECT * FROM readings
WITH (
    'readings.type' = 'file_source',
    'readings.path' = './readings.jsonl',
    'readings.format' = 'json'
);
