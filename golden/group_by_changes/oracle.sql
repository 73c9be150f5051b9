SELECT category, COUNT(*) OVER w AS n, COUNT(amount) OVER w AS priced, SUM(amount) OVER w AS total,
       ROUND(AVG(amount) OVER w, 6) AS mean, MIN(amount) OVER w AS lowest, MAX(amount) OVER w AS highest
FROM read_csv('tx.csv', types = {'amount': 'DECIMAL(10,2)'})
WINDOW w AS (PARTITION BY category ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);
