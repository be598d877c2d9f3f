-- expect: not granted writes
db:exec("DELETE FROM person")
