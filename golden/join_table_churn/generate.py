# Generates users.csv and orders.jsonl for join_table_churn (deterministic).
#   python3 generate.py
import random

rng = random.Random(20250927)
N = 800
rows = []
for i in range(N):                       # every key inserted once
    rows.append((f"user-{i:05d}", f"t{i % 7}", str(i)))
for i in range(0, N, 3):                 # every third key deleted
    rows.append((f"user-{i:05d}", "", ""))
for i in range(0, N, 9):                 # every ninth inserted again
    rows.append((f"user-{i:05d}", "back", str(-i)))
for i in range(1, N, 5):                 # some updated, a few twice
    rows.append((f"user-{i:05d}", "updated", str(i * 10)))
for i in range(1, N, 25):
    rows.append((f"user-{i:05d}", "updated twice", str(i * 100)))
tail = rows[N:]
rng.shuffle(tail)                        # interleave the changes, keeping
# each key's own changes in order: re-sort by a stable per-key sequence
seq = {}
ordered = []
for r in rows[N:]:
    seq.setdefault(r[0], []).append(r)
pending = {k: list(v) for k, v in seq.items()}
for r in tail:
    ordered.append(pending[r[0]].pop(0))
with open("users.csv", "w") as f:
    f.write("user_id,tier,score\n")
    for r in rows[:N] + ordered:
        f.write(",".join(r) + "\n")
with open("orders.jsonl", "w") as f:
    for j in range(N + 200):
        k = j if j < N else rng.randrange(N, 3 * N)   # then keys never inserted
        f.write(f'{{"order_id": {j}, "user_id": "user-{k:05d}"}}\n')
