-- expect: changing the schema
db:exec("DROP TABLE person")
