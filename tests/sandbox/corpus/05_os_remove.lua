-- expect: os.remove is not available
os.remove("cairn.db")
