-- W4 for DuckDB: the same aggregation over the same file.
COPY (
  SELECT station, MIN(temperature) AS min_temp, AVG(temperature) AS avg_temp, MAX(temperature) AS max_temp
  FROM read_csv('{data}/measurements.txt', delim = ';', header = true,
                columns = {'station': 'VARCHAR', 'temperature': 'DECIMAL(3,1)'})
  GROUP BY station
) TO '{out}' (FORMAT json);
