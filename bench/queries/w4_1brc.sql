-- SQL Application: one_billion_rows
-- W4: the One Billion Row Challenge as Velostream's demo writes it: the
-- minimum, mean and maximum temperature of each station, once the file has
-- been read. (The columns are declared: the file is generated at run time.)
CREATE STREAM measurements (station VARCHAR, temperature DECIMAL(3, 1))
    WITH ('connector' = 'file', 'path' = '../data/measurements.txt', 'format' = 'csv', 'delimiter' = ';');

CREATE STREAM station_stats AS
SELECT station, MIN(temperature) AS min_temp, AVG(temperature) AS avg_temp, MAX(temperature) AS max_temp
FROM measurements
GROUP BY station
EMIT FINAL
WITH (
    'station_stats.type' = 'file_sink',
    'station_stats.path' = '../out/w4.jsonl',
    'station_stats.format' = 'json'
);
