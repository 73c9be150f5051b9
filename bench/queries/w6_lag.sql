-- SQL Application: w6_lag
-- W6: each trade with the change from its symbol's previous price (LAG over
-- the symbol's trades, in the order they arrive, which is time order).
CREATE STREAM trades (
    trade_id BIGINT,
    user_id  VARCHAR,
    symbol   VARCHAR,
    quantity INT,
    price    DECIMAL(18, 2),
    side     VARCHAR,
    ts       TIMESTAMP
) WITH ('connector' = 'file', 'path' = '../data/trades.jsonl', 'format' = 'json');

CREATE STREAM price_changes WITH ('connector' = 'file', 'path' = '../out/w6.jsonl', 'format' = 'json') AS
SELECT trade_id, symbol, price, price - LAG(price) OVER (PARTITION BY symbol ORDER BY ts) AS change
FROM trades;
