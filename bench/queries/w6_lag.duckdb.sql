-- W6 for DuckDB: its window function over the same file.
COPY (
  -- trade_id breaks ties of ts in file order, the order streamc takes records in
  SELECT trade_id, symbol, price, price - LAG(price) OVER (PARTITION BY symbol ORDER BY ts, trade_id) AS change
  FROM read_json('{data}/trades.jsonl', format = 'newline_delimited',
                 columns = {trade_id: 'BIGINT', user_id: 'VARCHAR', symbol: 'VARCHAR', quantity: 'INT',
                            price: 'DECIMAL(18,2)', side: 'VARCHAR', ts: 'TIMESTAMP'})
) TO '{out}' (FORMAT json);
