-- expect: transaction control
db:exec("COMMIT")
