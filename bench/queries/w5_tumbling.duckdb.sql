-- W5 for DuckDB: the same one-minute bars over the same file.
COPY (
  SELECT symbol, time_bucket(INTERVAL 1 MINUTE, ts) AS window_start, COUNT(*) AS trades,
         SUM(quantity) AS volume, AVG(price) AS avg_price, MIN(price) AS low, MAX(price) AS high
  FROM read_json('{data}/trades.jsonl', format = 'newline_delimited',
                 columns = {trade_id: 'BIGINT', user_id: 'VARCHAR', symbol: 'VARCHAR', quantity: 'INT',
                            price: 'DECIMAL(18,2)', side: 'VARCHAR', ts: 'TIMESTAMP'})
  GROUP BY symbol, time_bucket(INTERVAL 1 MINUTE, ts)
) TO '{out}' (FORMAT json);
