-- name: window_velostream_app
-- description: a Velostream application with a window: GROUP BY ... WINDOW TUMBLING(1m) with HAVING after WINDOW, _window_start / _window_end (BIGINT milliseconds), the event time from 'event.time.field' in epoch milliseconds, a watermark 5 seconds behind ('bounded_out_of_orderness'), and 'late.data.strategy' = 'dead_letter' sending the late MSFT record to the source's dead-letter file; the column types are discovered from the CSV
-- SQL Application: minute_bars
CREATE STREAM minute_bars AS
SELECT symbol PRIMARY KEY,
       _window_start AS bar_start,
       _window_end AS bar_end,
       COUNT(*) AS trades,
       SUM(volume) AS volume,
       MIN(price) AS low,
       MAX(price) AS high
FROM market_data
GROUP BY symbol
WINDOW TUMBLING(1m)
HAVING SUM(volume) >= 50
EMIT FINAL
WITH (
    'market_data.type' = 'file_source',
    'market_data.path' = 'market_data.csv',
    'market_data.format' = 'csv',
    'market_data.dlq.path' = 'out/late.jsonl',
    'event.time.field' = 'event_time',
    'event.time.format' = 'epoch_millis',
    'watermark.strategy' = 'bounded_out_of_orderness',
    'watermark.max_out_of_orderness' = '5s',
    'late.data.strategy' = 'dead_letter',
    'minute_bars.type' = 'file_sink',
    'minute_bars.path' = 'out/minute_bars.csv',
    'minute_bars.format' = 'csv'
);
