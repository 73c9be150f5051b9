-- name: csv_delimiter
-- description: CSV files with other separators (';' for a stream, '|' for a table, schemas discovered with them), joined and grouped as the 1BRC query does, checked against DuckDB
CREATE TABLE stations WITH ('connector' = 'file', 'path' = 'stations.psv', 'format' = 'csv',
                            'delimiter' = '|', 'key' = 'station');

SELECT m.station, s.region, MIN(m.temperature) AS min_temp, AVG(m.temperature) AS avg_temp,
       MAX(m.temperature) AS max_temp, COUNT(*) AS readings
FROM measurements m
LEFT JOIN stations s ON m.station = s.station
GROUP BY m.station, s.region
EMIT FINAL
WITH ('measurements.type' = 'file_source_mmap', 'measurements.path' = './measurements.txt',
      'measurements.format' = 'csv', 'measurements.delimiter' = ';');
