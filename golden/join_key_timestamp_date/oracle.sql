-- Timestamps are read as text and converted to UTC instants the way streamc
-- reads them: ISO-8601 with an offset, or epoch milliseconds.
SET TimeZone = 'UTC';
WITH events AS (
    SELECT id,
           CASE WHEN regexp_matches("at", '^-?[0-9]+$') THEN epoch_ms(CAST("at" AS BIGINT))
                ELSE CAST(CAST("at" AS TIMESTAMPTZ) AS TIMESTAMP) END AS "at",
           day
    FROM read_json('events.jsonl', format = 'newline_delimited',
                   columns = {'id': 'INT', 'at': 'VARCHAR', 'day': 'DATE'})
), slots AS (
    SELECT CAST(CAST(slot_start AS TIMESTAMPTZ) AS TIMESTAMP) AS slot_start, slot
    FROM read_csv('slots.csv', header = true, columns = {'slot_start': 'VARCHAR', 'slot': 'VARCHAR'})
)
SELECT e.id, e."at", s.slot_start, s.slot, h.holiday
FROM events e
LEFT JOIN slots s ON e."at" = s.slot_start
LEFT JOIN read_json('holidays.jsonl', format = 'newline_delimited',
                    columns = {'day': 'DATE', 'holiday': 'VARCHAR'}) h
  ON e.day = h.day;
