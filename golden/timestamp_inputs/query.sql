-- name: timestamp_inputs
-- description: TIMESTAMP input as ISO text with T or a space, fractional seconds (cut, not rounded, to milliseconds), Z or a +hh:mm/-hh:mm offset (converted to UTC), a date alone, and epoch milliseconds; text that is no timestamp is a bad record
CREATE STREAM events (id INT, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'events.jsonl', 'format' = 'json', 'on.error' = 'skip');

SELECT id, ts FROM events;
