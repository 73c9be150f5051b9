-- name: error_stream_join_without_within
-- description: a join of two streams without WITHIN is rejected with a message that says how to fix it
CREATE STREAM trades (trade_id BIGINT, user_id VARCHAR, symbol VARCHAR)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');
CREATE STREAM users (user_id VARCHAR, tier VARCHAR)
    WITH ('connector' = 'file', 'path' = 'users.jsonl', 'format' = 'json');

SELECT t.trade_id, u.tier
FROM trades t
JOIN users u ON t.user_id = u.user_id;
