-- SQL Application: one_billion_rows
-- Version: 1.0
-- The One Billion Row Challenge, as Velostream's demo writes it: the lowest,
-- mean and highest temperature of each weather station, once the whole file
-- has been read. The columns come from the file itself (station;temperature
-- with a header); run.sh generates one.
CREATE STREAM station_stats AS
SELECT station, MIN(temperature) AS min_temp, AVG(temperature) AS avg_temp, MAX(temperature) AS max_temp
FROM measurements
GROUP BY station
EMIT FINAL
WITH (
    'measurements.type' = 'file_source_mmap',
    'measurements.path' = 'data/measurements.txt',
    'measurements.format' = 'csv',
    'measurements.delimiter' = ';',
    'station_stats.type' = 'file_sink',
    'station_stats.path' = 'out/station_stats.jsonl',
    'station_stats.format' = 'json'
);
