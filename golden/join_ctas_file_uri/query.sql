-- name: join_ctas_file_uri
-- description: CREATE TABLE ... AS SELECT * FROM file://path WITH ('key' = 'symbol') makes a table a stream can join
--
-- market_data's schema is discovered from market.csv. GOOG appears twice
-- (the second price wins); the trades for TSLA (not in the table) are dropped.
CREATE TABLE market_data AS SELECT * FROM file://market.csv
    WITH ('key' = 'symbol');

CREATE STREAM trades (trade_id INT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT t.trade_id, t.symbol, m.exchange, t.quantity * m.price AS notional
FROM trades t
JOIN market_data m ON t.symbol = m.symbol;
