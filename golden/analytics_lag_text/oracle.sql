SELECT id, symbol, venue,
       LAG(venue) OVER (PARTITION BY symbol ORDER BY id) AS prev_venue,
       LAG(venue, 2, 'none') OVER (PARTITION BY symbol ORDER BY id) AS venue_two_back,
       UPPER(LAG(venue) OVER (PARTITION BY symbol ORDER BY id)) || '>' || venue AS hop
FROM read_json('trades.jsonl', format = 'newline_delimited',
               columns = {id: 'INT', symbol: 'VARCHAR', venue: 'VARCHAR', price: 'INT'});
