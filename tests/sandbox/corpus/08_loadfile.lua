-- expect: loadfile is not available
loadfile("/etc/passwd")()
