-- name: window_count_distinct
-- description: COUNT(DISTINCT user) per symbol in hopping windows (two minutes long, a minute apart): a user counts once per window however often they trade in it, again in the next window, NULL users not at all; each window's values are freed as it closes; checked against DuckDB by a join with the window starts
CREATE STREAM trades (id INT, symbol VARCHAR, user_id VARCHAR, ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, WINDOWSTART, WINDOWEND, COUNT(*) AS trades, COUNT(DISTINCT user_id) AS users
FROM trades
WINDOW HOPPING (SIZE 2 MINUTES, ADVANCE BY 1 MINUTE)
GROUP BY symbol
EMIT FINAL
WITH ('timestamp' = 'ts');
