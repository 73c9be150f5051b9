-- SQL Application: w5_tumbling
-- W5: one-minute bars per symbol: a tumbling window over the trades' own
-- time, each window written once the watermark (the latest trade time)
-- passes its end.
CREATE STREAM trades (
    trade_id BIGINT,
    user_id  VARCHAR,
    symbol   VARCHAR,
    quantity INT,
    price    DECIMAL(18, 2),
    side     VARCHAR,
    ts       TIMESTAMP
) WITH ('connector' = 'file', 'path' = '../data/trades.jsonl', 'format' = 'json');

CREATE STREAM minute_bars WITH ('connector' = 'file', 'path' = '../out/w5.jsonl', 'format' = 'json') AS
SELECT symbol, window_start, COUNT(*) AS trades, SUM(quantity) AS volume, AVG(price) AS avg_price,
       MIN(price) AS low, MAX(price) AS high
FROM trades
GROUP BY symbol
WINDOW TUMBLING(ts, INTERVAL '1' MINUTE)
EMIT FINAL;
