SELECT symbol, COUNT(price) AS prices, STDDEV(price) AS sd, STDDEV_POP(price) AS sd_pop,
       VARIANCE(quantity) AS var, VAR_POP(quantity) AS var_pop, STDDEV_SAMP(quantity * 2) AS sd_double
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {trade_id: 'BIGINT', symbol: 'VARCHAR', side: 'VARCHAR', quantity: 'INT', price: 'DECIMAL(18,2)'})
GROUP BY symbol;
