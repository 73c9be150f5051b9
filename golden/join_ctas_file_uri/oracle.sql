WITH market AS (
    SELECT * FROM (
        SELECT *, row_number() OVER () AS rn
        FROM read_csv('market.csv', header = true,
                      columns = {'symbol': 'VARCHAR', 'price': 'DECIMAL(18,2)', 'exchange': 'VARCHAR'}))
    WHERE symbol IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY symbol ORDER BY rn DESC) = 1
)
SELECT t.trade_id, t.symbol, m.exchange, t.quantity * m.price AS notional
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {'trade_id': 'INT', 'symbol': 'VARCHAR', 'quantity': 'INT'}) t
JOIN market m ON t.symbol = m.symbol;
