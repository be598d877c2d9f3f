-- expect: package is not available
package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")
