-- W2 for DuckDB: the four-way enrichment of examples/trades/enrich.sql.
COPY (
  SELECT t.trade_id, t.symbol, t.quantity, u.tier, u.risk_score, l.position_limit,
         m.current_price, t.quantity * CAST(t.price AS DECIMAL(18, 2)) AS notional
  FROM read_json('{data}/trades.jsonl', format = 'newline_delimited') t
  JOIN read_csv('{data}/users.csv') u ON t.user_id = u.user_id
  JOIN read_csv('{data}/limits.csv') l ON t.user_id = l.user_id
  JOIN read_csv('{data}/market.csv', types = {'current_price': 'DECIMAL(18,2)'}) m ON t.symbol = m.symbol
  WHERE t.quantity * CAST(t.price AS DECIMAL(18, 2)) > 10000
) TO '{out}' (FORMAT json);
