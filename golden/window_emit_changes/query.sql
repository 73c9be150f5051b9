-- name: window_emit_changes
-- description: EMIT CHANGES on a tumbling window writes the group's new row per record, with its window's bounds; when HAVING turns false the delete keeps the key and the window bounds and has every other column NULL; records 6 and 8 come after their window closed (the watermark is the latest event time), so they are late and dropped
CREATE STREAM trades (symbol VARCHAR, price INT, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json', 'event.time.field' = 'ts');

SELECT symbol, window_start, window_end, COUNT(*) AS trades, MAX(price) AS high
FROM trades
GROUP BY symbol
WINDOW TUMBLING(10s)
HAVING MAX(price) < 100
EMIT CHANGES;
