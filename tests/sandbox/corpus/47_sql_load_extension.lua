-- expect: not allowed in a sandboxed script|not authorized
db:value("SELECT load_extension('/tmp/pwned.so')")
