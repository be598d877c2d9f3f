-- expect: io is not available
io.popen("touch pwned"):read("a")
