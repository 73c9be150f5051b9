-- name: window_event_time_pattern
-- description: the event time read from text by an 'event.time.format' pattern ('%d/%m/%Y %H:%M:%S%.3f'; one-digit day, month and hour too): one-minute windows by that time; a record whose time does not match the pattern (ISO-8601 here) goes to the dead-letter file with the reason
-- SQL Application: pattern_bars
CREATE STREAM pattern_bars AS
SELECT symbol PRIMARY KEY,
       TUMBLE_START(event_time, INTERVAL '1' MINUTE) AS bar_start,
       COUNT(*) AS trades,
       SUM(volume) AS volume
FROM market_data
GROUP BY symbol, TUMBLE(event_time, INTERVAL '1' MINUTE)
EMIT FINAL
WITH (
    'market_data.type' = 'file_source',
    'market_data.path' = 'market_data.csv',
    'market_data.format' = 'csv',
    'market_data.on.error' = 'dlq',
    'market_data.dlq.path' = 'out/bad.jsonl',
    'event.time.format' = '%d/%m/%Y %H:%M:%S%.3f',
    'pattern_bars.type' = 'file_sink',
    'pattern_bars.path' = 'out/pattern_bars.csv',
    'pattern_bars.format' = 'csv'
);
