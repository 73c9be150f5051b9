-- name: error_not_supported_misc
-- description: a Kafka connector, CREATE TABLE AS without a key, an analytic function with OVER and subqueries each get a clean diagnostic
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');
CREATE STREAM quotes (symbol VARCHAR, bid DOUBLE)
    WITH ('connector' = 'kafka', 'topic' = 'quotes', 'format' = 'json',
          'properties.bootstrap.servers' = 'localhost:9092');

CREATE TABLE totals AS SELECT symbol, quantity FROM trades;

SELECT trade_id, FIRST_VALUE(symbol) OVER (PARTITION BY symbol ORDER BY trade_id) AS first_symbol
FROM trades;

SELECT trade_id FROM trades WHERE trade_id IN (SELECT trade_id FROM trades WHERE quantity > 10);

SELECT trade_id, (SELECT MAX(quantity) FROM trades) AS biggest FROM trades;

SELECT symbol, bid FROM quotes WHERE bid > 100;
