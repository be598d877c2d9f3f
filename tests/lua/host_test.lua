-- cairn.host primitives that have no other home: folders, files, hashing, rounding.
local t = require "tap"
local host = require "cairn.host"

t.same({ host.mkdir("a/b/c") }, { true }, "mkdir makes a folder and its parents")
t.is(host.file_kind("a/b/c"), "dir", "the folder exists")
t.same({ host.mkdir("a/b/c") }, { true }, "mkdir of an existing folder is fine")
local f = assert(io.open("a/file", "w")); f:write("x"); f:close()
local ok, msg = host.mkdir("a/file/d")
t.ok(ok == nil and msg:find("a/file/d: Not a directory", 1, true), "mkdir under a file says why")
t.is(host.file_kind("a/file"), "file", "file_kind of a file")
t.is(host.file_kind("nope"), nil, "file_kind of nothing")
t.same(host.list_dir("a"), { "b", "file" }, "list_dir is sorted")
t.is(host.hash("abc"), host.hash("abc"), "hash is stable")
t.ok(host.hash("abc") ~= host.hash("abd"), "hash tells versions apart")
t.is(#host.hash(""), 16, "hash is 16 hex digits")
t.is(host.round(56.25, 1), 56.3, "round: halves away from zero")
t.is(host.format_number(1234567.891, 1, true), "1,234,567.9", "format_number with grouping")
t.done()
