-- name: error_group_by
-- description: a column neither grouped nor aggregated, an aggregate in WHERE or inside another, SUM of text, GROUP BY a position, LIMIT on groups, EMIT FINAL without groups and FILTER on a plain function each get a diagnostic with a caret
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, trade_id, COUNT(*) AS n FROM trades GROUP BY symbol;

SELECT symbol, COUNT(*) AS n FROM trades WHERE SUM(quantity) > 10 GROUP BY symbol;

SELECT symbol, MAX(SUM(quantity)) AS m FROM trades GROUP BY symbol;

SELECT symbol, SUM(symbol) AS s FROM trades GROUP BY symbol;

SELECT symbol, COUNT(*) AS n FROM trades GROUP BY 1;

SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol LIMIT 5;

SELECT symbol FROM trades EMIT FINAL;

SELECT symbol, UPPER(symbol) FILTER (WHERE quantity > 1) AS u FROM trades GROUP BY symbol;
