-- SQL Application: state_sessions
-- Bounded state: trading sessions per user, closed after 2 seconds without a
-- trade (the trades' own time), each written when the watermark passes its end.
CREATE STREAM trades (
    trade_id BIGINT,
    user_id  VARCHAR,
    symbol   VARCHAR,
    quantity INT,
    price    DECIMAL(18, 2),
    side     VARCHAR,
    ts       TIMESTAMP
) WITH ('connector' = 'file', 'path' = '../data/trades.jsonl', 'format' = 'json');

CREATE STREAM user_sessions WITH ('connector' = 'file', 'path' = '../out/sessions.jsonl', 'format' = 'json') AS
SELECT user_id, window_start, window_end, COUNT(*) AS trades, SUM(quantity) AS volume
FROM trades
GROUP BY user_id
WINDOW SESSION (ts, 2 SECONDS)
EMIT FINAL;
