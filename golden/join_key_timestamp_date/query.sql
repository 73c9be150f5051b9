-- name: join_key_timestamp_date
-- description: TIMESTAMP and DATE keys: a probe matches the same instant (or day), however the input spells it
--
-- slots is keyed by a TIMESTAMP, holidays by a DATE. Timestamps are instants
-- in milliseconds (UTC): '2025-09-27T11:30:00+02:00', '2025-09-27 09:30:00Z'
-- and 1758965400000 are all the key 2025-09-27T09:30:00.000Z; one
-- millisecond later (.001) is another instant and does not match.
CREATE STREAM events (id INT, at TIMESTAMP, day DATE)
    WITH ('connector' = 'file', 'path' = 'events.jsonl', 'format' = 'json');

CREATE TABLE slots (slot_start TIMESTAMP PRIMARY KEY, slot VARCHAR)
    WITH ('connector' = 'file', 'path' = 'slots.csv', 'format' = 'csv');

CREATE TABLE holidays (day DATE PRIMARY KEY, holiday VARCHAR)
    WITH ('connector' = 'file', 'path' = 'holidays.jsonl', 'format' = 'json');

SELECT e.id, e.at, s.slot_start, s.slot, h.holiday
FROM events e
LEFT JOIN slots s ON e.at = s.slot_start
LEFT JOIN holidays h ON e.day = h.day;
