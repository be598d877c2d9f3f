-- expect: cairn's internal tables
print(db:value("SELECT value FROM meta WHERE key = 'district'"))
