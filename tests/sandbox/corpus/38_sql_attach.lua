-- expect: not allowed in a sandboxed script: ATTACH
db:exec("ATTACH DATABASE 'pwned.db' AS x")
