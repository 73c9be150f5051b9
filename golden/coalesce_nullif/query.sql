-- name: coalesce_nullif
-- description: COALESCE returns its first non-NULL argument (NULL when all are NULL, widening INT to DECIMAL); NULLIF gives NULL when its arguments are equal
CREATE STREAM contacts (id INT, nick VARCHAR, name VARCHAR, qty INT, price DECIMAL(8, 3), status VARCHAR)
    WITH ('connector' = 'file', 'path' = 'contacts.jsonl', 'format' = 'json');

SELECT id,
       COALESCE(nick, name, 'anonymous') AS display,
       COALESCE(nick, name) AS maybe_name,
       COALESCE(qty, price, 0) AS amount,
       NULLIF(status, '') AS status_or_null,
       NULLIF(qty, 0) AS nonzero_qty,
       10 / NULLIF(qty, 0) AS per_unit,
       COALESCE(NULLIF(nick, ''), 'n/a') AS nick_or_na
FROM contacts;
