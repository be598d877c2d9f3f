-- expect: os.getenv is not available
print("ESCAPED", os.getenv("HOME"))
