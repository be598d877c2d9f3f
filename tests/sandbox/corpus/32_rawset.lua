-- expect: rawset is not available
rawset(string, "find", print)
