-- name: window_hopping_ksqldb
-- description: ksqlDB's HOPPING (SIZE 2 MINUTES, ADVANCE BY 1 MINUTE, GRACE PERIOD 30 SECONDS) with WINDOWSTART / WINDOWEND (BIGINT milliseconds) and the event time from 'timestamp': a record counts in both windows it falls in, and the grace period keeps a window open for records up to 30 seconds behind; checked against DuckDB with the window starts joined in
CREATE STREAM trades (id INT, symbol VARCHAR, price DECIMAL(10,2), ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json', 'timestamp' = 'ts');

SELECT symbol, WINDOWSTART, WINDOWEND, COUNT(*) AS trades, MIN(price) AS low, MAX(price) AS high,
       AVG(price) AS mean
FROM trades
WINDOW HOPPING (SIZE 2 MINUTES, ADVANCE BY 1 MINUTE, GRACE PERIOD 30 SECONDS)
GROUP BY symbol
EMIT FINAL;
