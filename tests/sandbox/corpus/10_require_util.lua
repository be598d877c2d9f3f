-- expect: require "cairn.util": not allowed
require("cairn.util").read_file("/etc/passwd")
