-- SQL Application: big_trade_report
-- Version: 2.1
-- name: velostream_file_sink
-- description: a Velostream application names its source and sink in the query's WITH clause
CREATE STREAM big_trades AS
SELECT t.trade_id, t.symbol PRIMARY KEY, t.quantity * t.price AS notional
FROM trades t
WHERE t.quantity * t.price > 10000
EMIT CHANGES
WITH (
    'trades.type' = 'file_source',
    'trades.path' = './trades.jsonl',
    'trades.format' = 'json',
    'big_trades.type' = 'file_sink',
    'big_trades.path' = './out/big_trades.csv',
    'big_trades.format' = 'csv'
);
