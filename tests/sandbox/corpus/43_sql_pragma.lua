-- expect: PRAGMA
db:exec("PRAGMA writable_schema = 1")
