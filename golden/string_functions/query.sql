-- name: string_functions
-- description: UPPER, LOWER, LENGTH (in characters), SUBSTRING (both forms, 1-based, counting characters), CONCAT (skips NULLs) versus || (NULL if either side is NULL), TRIM/LTRIM/RTRIM and TRIM(LEADING/TRAILING/BOTH 'x' FROM s)
CREATE STREAM words (id INT, w VARCHAR, extra VARCHAR)
    WITH ('connector' = 'file', 'path' = 'words.jsonl', 'format' = 'json');

SELECT id,
       UPPER(w) AS up,
       LOWER(w) AS low,
       LENGTH(w) AS len,
       SUBSTRING(w, 2, 3) AS sub_2_3,
       SUBSTRING(w FROM 3) AS sub_from_3,
       SUBSTRING(w FROM 1 FOR 2) AS sub_1_for_2,
       CONCAT(w, '-', extra) AS concat_skips_null,
       w || '-' || extra AS pipes_null,
       '[' || TRIM(w) || ']' AS trimmed,
       '[' || LTRIM(w) || ']' AS ltrimmed,
       '[' || RTRIM(w) || ']' AS rtrimmed,
       TRIM(LEADING 'x' FROM extra) AS lead_x,
       TRIM(TRAILING 'x' FROM extra) AS trail_x,
       TRIM(BOTH 'x' FROM extra) AS both_x
FROM words;
