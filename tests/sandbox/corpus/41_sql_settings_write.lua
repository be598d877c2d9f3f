-- expect: cairn's internal tables
db:exec("INSERT INTO settings(key, value) VALUES ('scripts.sandbox', 'off')")
