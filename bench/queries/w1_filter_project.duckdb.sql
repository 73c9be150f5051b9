-- W1 for DuckDB: the same filter and projection over the same file.
COPY (
  SELECT trade_id, symbol, quantity, CAST(price AS DECIMAL(18, 2)) AS price,
         quantity * CAST(price AS DECIMAL(18, 2)) AS notional
  FROM read_json('{data}/trades.jsonl', format = 'newline_delimited')
  WHERE quantity * CAST(price AS DECIMAL(18, 2)) > 100000
) TO '{out}' (FORMAT json);
