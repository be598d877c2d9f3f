-- expect: only text chunks
load("\27LuaT", "x", "b")
