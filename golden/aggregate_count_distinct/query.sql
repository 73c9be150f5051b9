-- name: aggregate_count_distinct
-- description: COUNT(DISTINCT x) per group, beside COUNT(x) and COUNT(*): NULL values are not counted, the same value twice counts once, each group keeps its own set (a value seen in another group counts again), NULL keys form one group; without GROUP BY the whole stream is one group; checked against DuckDB
CREATE STREAM trades (id INT, symbol VARCHAR, user VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, COUNT(*) AS trades, COUNT(user) AS with_user, COUNT(DISTINCT user) AS users, COUNT(DISTINCT qty) AS sizes
FROM trades
GROUP BY symbol
EMIT FINAL;

SELECT 'all' AS symbol, COUNT(*) AS trades, COUNT(user) AS with_user, COUNT(DISTINCT user) AS users,
       COUNT(DISTINCT qty) AS sizes
FROM trades
EMIT FINAL;
