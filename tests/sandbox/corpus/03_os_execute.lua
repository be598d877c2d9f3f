-- expect: os.execute is not available
os.execute("touch pwned")
