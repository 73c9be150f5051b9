-- SQL Application: trade_enrichment
-- Version: 1.0.0
--
-- Large trades, with their notional value. The joins to user profiles,
-- limits and market data arrive with tables; today this is the filter and
-- projection of the enrichment.
CREATE STREAM big_trades AS
SELECT t.trade_id,
       t.symbol PRIMARY KEY,
       t.user_id,
       t.side,
       t.quantity,
       t.price,
       t.quantity * t.price AS notional,
       t.ts
FROM trades t
WHERE t.quantity * t.price > 10000
EMIT CHANGES
WITH (
    'trades.type' = 'file_source',
    'trades.path' = './data/trades.jsonl',
    'trades.format' = 'json',
    'big_trades.type' = 'file_sink',
    'big_trades.path' = '-',
    'big_trades.format' = 'json'
);
