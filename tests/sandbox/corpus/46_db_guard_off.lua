-- expect: db:guard is not available
db:guard(nil)
db:exec("DROP TABLE person")
