-- name: try_cast_text
-- description: TRY_CAST of text to INT, BIGINT, DOUBLE, DECIMAL (half-up), BOOLEAN and TIMESTAMP gives NULL for text that does not convert or does not fit; CAST of numbers and booleans back to VARCHAR
CREATE STREAM raw (id INT, si VARCHAR, sd VARCHAR, sb VARCHAR, st VARCHAR)
    WITH ('connector' = 'file', 'path' = 'raw.jsonl', 'format' = 'json');

SELECT id,
       TRY_CAST(si AS INT) AS i,
       TRY_CAST(si AS BIGINT) AS b,
       TRY_CAST(sd AS DOUBLE) AS d,
       TRY_CAST(sd AS DECIMAL(6, 2)) AS m,
       TRY_CAST(sb AS BOOLEAN) AS bo,
       TRY_CAST(st AS TIMESTAMP) AS ts,
       CAST(id * 10 AS VARCHAR) || '!' AS int_text,
       CAST(TRY_CAST(sd AS DECIMAL(6, 2)) AS VARCHAR) AS dec_text,
       CAST(TRY_CAST(sb AS BOOLEAN) AS VARCHAR) AS bool_text
FROM raw;
