-- name: join_four_way
-- description: the four-way enrichment of examples/trades: a stream joined to three tables by key, checked against DuckDB
--
-- Large trades enriched from three reference tables: the user's profile,
-- the user's position limits and the symbol's market data. The tables are
-- loaded before the first trade; each trade does one keyed lookup per table.
CREATE STREAM enriched_trades AS
SELECT t.trade_id,
       t.symbol PRIMARY KEY,
       t.quantity,
       u.tier,
       u.risk_score,
       l.position_limit,
       m.current_price,
       t.quantity * t.price AS notional
FROM trades t
JOIN user_profiles u ON t.user_id = u.user_id
JOIN limits l ON t.user_id = l.user_id
JOIN market_data m ON t.symbol = m.symbol
WHERE t.quantity * t.price > 10000
EMIT CHANGES
WITH (
    'trades.type' = 'file_source',
    'trades.path' = './trades.jsonl',
    'trades.format' = 'json',

    'user_profiles.type' = 'file_source',
    'user_profiles.path' = './users.csv',
    'user_profiles.format' = 'csv',
    'user_profiles.key' = 'user_id',

    'limits.type' = 'file_source',
    'limits.path' = './limits.csv',
    'limits.format' = 'csv',
    'limits.key' = 'user_id',

    'market_data.type' = 'file_source',
    'market_data.path' = './market.csv',
    'market_data.format' = 'csv',
    'market_data.key' = 'symbol',

    'enriched_trades.type' = 'file_sink',
    'enriched_trades.path' = '-',
    'enriched_trades.format' = 'json'
);
