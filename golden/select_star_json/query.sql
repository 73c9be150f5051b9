-- name: select_star_json
-- description: a bare SELECT * over a declared JSON-lines stream writes JSON lines to stdout
CREATE STREAM trades (
    trade_id BIGINT,
    symbol   VARCHAR,
    quantity INT,
    price    DECIMAL(18, 4),
    ts       TIMESTAMP
) WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT * FROM trades;
