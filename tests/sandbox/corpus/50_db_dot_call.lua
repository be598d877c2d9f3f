-- expect: with a colon
db.exec("DROP TABLE person")
