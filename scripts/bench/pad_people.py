"""Pads a copy of a serving database's person table to N golden records for the search benchmark:
copies of the published people under new golden IDs, with first names rotated among those published
and dates of birth shifted, so that names and blocks stay realistic. Benchmark data only."""
import sqlite3
import sys

path, target = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path)
columns = [r[1] for r in db.execute("PRAGMA table_info(person)")]
rows = db.execute("SELECT * FROM person").fetchall()
firsts = [(r[columns.index("first_name")], r[columns.index("first_name_key")], r[columns.index("first_name_soundex")]) for r in rows]
have = len(rows)
copy = 0
batch = []
gi, fi, ki, si, di = (columns.index(c) for c in ("golden_id", "first_name", "first_name_key", "first_name_soundex", "date_of_birth"))
while have < target:
    for index, row in enumerate(rows):
        if have >= target:
            break
        row = list(row)
        row[gi] = f"{row[gi]}-P{copy}"
        first = firsts[(index * 7 + copy * 13) % len(firsts)]
        row[fi], row[ki], row[si] = first
        if row[di]:
            year = int(row[di][:4]) - (copy % 5) - 1
            row[di] = f"{year:04d}{row[di][4:]}"
        batch.append(row)
        have += 1
        if len(batch) >= 50000:
            db.executemany(f"INSERT INTO person VALUES ({','.join('?' * len(columns))})", batch)
            batch.clear()
    copy += 1
if batch:
    db.executemany(f"INSERT INTO person VALUES ({','.join('?' * len(columns))})", batch)
db.commit()
db.execute("ANALYZE")
print(f"person rows: {db.execute('SELECT COUNT(*) FROM person').fetchone()[0]}")
