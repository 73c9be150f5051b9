SELECT m.station, s.region, MIN(m.temperature) AS min_temp, ROUND(AVG(m.temperature), 6) AS avg_temp,
       MAX(m.temperature) AS max_temp, COUNT(*) AS readings
FROM read_csv('measurements.txt', delim = ';', types = {'temperature': 'DECIMAL(18,1)'}) m
LEFT JOIN read_csv('stations.psv', delim = '|') s ON m.station = s.station
GROUP BY m.station, s.region;
