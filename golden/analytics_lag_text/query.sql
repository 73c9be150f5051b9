-- name: analytics_lag_text
-- description: LAG of a VARCHAR per partition: the previous venue and the one two back (with a default), a NULL venue passed on as NULL, a NULL symbol a partition of its own, texts longer than a packed key; each partition keeps its own copies of the texts it may still return; checked against DuckDB's window functions
CREATE STREAM trades (id INT, symbol VARCHAR, venue VARCHAR, price INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT id, symbol, venue,
       LAG(venue) OVER (PARTITION BY symbol ORDER BY id) AS prev_venue,
       LAG(venue, 2, 'none') OVER (PARTITION BY symbol ORDER BY id) AS venue_two_back,
       UPPER(LAG(venue) OVER (PARTITION BY symbol ORDER BY id)) || '>' || venue AS hop
FROM trades;
