-- name: analytics_lead_limit
-- description: LEAD without PARTITION BY (the whole stream one partition) with a default, beside a LEAD of text; LIMIT counts records as they are written, so the held ones past it are not written at end of input; checked against DuckDB (its LIMIT after the window functions)
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id, quantity,
       LEAD(quantity, 1, 0) OVER (ORDER BY trade_id) AS next_quantity,
       symbol || '->' || LEAD(symbol, 2, '?') OVER (ORDER BY trade_id) AS symbol_two_ahead
FROM trades
LIMIT 4;
