-- SQL Application: w1_filter_project
-- W1: filter and project over trades (JSON lines), no join.
CREATE STREAM trades (
    trade_id BIGINT,
    user_id  VARCHAR,
    symbol   VARCHAR,
    quantity INT,
    price    DECIMAL(18, 2),
    side     VARCHAR,
    ts       TIMESTAMP
) WITH ('connector' = 'file', 'path' = '../data/trades.jsonl', 'format' = 'json');

CREATE STREAM big_trades WITH ('connector' = 'file', 'path' = '../out/w1.jsonl', 'format' = 'json') AS
SELECT trade_id, symbol, quantity, price, quantity * price AS notional
FROM trades
WHERE quantity * price > 100000;
