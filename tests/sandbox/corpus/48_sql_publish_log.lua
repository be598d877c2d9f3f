-- expect: cairn's internal tables
print(db:value("SELECT count(*) FROM publish_log"))
