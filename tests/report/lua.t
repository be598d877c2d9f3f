# The report module's Lua tests (renderers and their goldens, escaping, builders), run inside
# the host. Only the plan line should show; a failure shows its "not ok" lines and details.
$ CAIRN_PATH=$TESTS/lua cairn run $TESTS/report/render_test.lua | grep -v '^ok '
1..47
$ CAIRN_PATH=$TESTS/lua cairn run $TESTS/report/escaping_test.lua | grep -v '^ok '
1..93
$ CAIRN_PATH=$TESTS/lua cairn run $TESTS/report/builder_test.lua | grep -v '^ok '
1..64
