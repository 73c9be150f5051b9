-- name: error_window
-- description: windows that cannot compile each get a diagnostic with a caret: a zero size, an advance longer than the size, a session without a gap, an event time that is not a time, a window without aggregates, two windows, window_start without a window, a dead-letter strategy without a dead-letter file, an out-of-orderness strategy without its bound, a bad strategy name, a WATERMARK that is not 'ts - INTERVAL', COUNT(DISTINCT) and STRING_AGG in a session window, an 'event.time.format' pattern streamc does not read and one over a number, a CUMULATE whose size is not a whole number of steps; and a warning for a window on processing time
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT, price DOUBLE, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

CREATE STREAM ticks (symbol VARCHAR, ts TIMESTAMP, WATERMARK FOR ts AS ts + INTERVAL '5' SECOND)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(ts, 0s);

SELECT symbol, COUNT(*) AS n FROM trades WINDOW HOPPING (SIZE 1 MINUTE, ADVANCE BY 2 MINUTES) GROUP BY symbol;

SELECT symbol, COUNT(*) AS n FROM trades WINDOW SESSION (0 SECONDS) GROUP BY symbol WITH ('timestamp' = 'ts');

SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(price, INTERVAL '1' MINUTE);

SELECT symbol FROM trades WINDOW TUMBLING(ts, 1m);

SELECT symbol, COUNT(*) AS n FROM trades WINDOW TUMBLING(ts, 1m) GROUP BY symbol, TUMBLE(ts, INTERVAL '1' MINUTE);

SELECT symbol, window_start, COUNT(*) AS n FROM trades GROUP BY symbol;

SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(ts, 1m)
    WITH ('late.data.strategy' = 'dead_letter');

SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(ts, 1m)
    WITH ('watermark.strategy' = 'bounded_out_of_orderness');

SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(ts, 1m)
    WITH ('late.data.strategy' = 'keep');

SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(1m);

SELECT symbol, COUNT(DISTINCT quantity) AS n, STRING_AGG(symbol, ',') AS s FROM trades GROUP BY symbol WINDOW SESSION(ts, 1m);

SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(1m)
    WITH ('event.time.field' = 'symbol', 'event.time.format' = '%Y-%m-%d %Q');

SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol WINDOW TUMBLING(1m)
    WITH ('event.time.field' = 'trade_id', 'event.time.format' = '%Y-%m-%d');

SELECT symbol, COUNT(*) AS n
FROM TABLE(CUMULATE(TABLE trades, DESCRIPTOR(ts), INTERVAL '7' MINUTE, INTERVAL '1' HOUR))
GROUP BY symbol;
