-- W3 for DuckDB: the stream joined to a million-row table.
COPY (
  SELECT t.trade_id, t.user_id, u.tier, u.risk_score, t.quantity * CAST(t.price AS DECIMAL(18, 2)) AS notional
  FROM read_json('{data}/trades.jsonl', format = 'newline_delimited') t
  JOIN read_csv('{data}/users.csv') u ON t.user_id = u.user_id
) TO '{out}' (FORMAT json);
