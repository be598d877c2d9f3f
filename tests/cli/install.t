# make install: the installed binary finds its Lua library, scripts, XLSX module and man page,
# run from outside the source tree. Staged with DESTDIR; the installed tree is relocatable
# (the binary looks in BINDIR/../share/cairn and BINDIR/../lib/cairn).
$ o=${CAIRN_TEST_BUILD:-build}; [ "$o" = build ] && o=; make -s -C "$TESTS/.." O="$o" install DESTDIR="$PWD/stage" PREFIX=/usr >/dev/null 2>&1; echo $?
0
$ cd stage && find . -type f \( -name cairn -path '*bin*' -o -name cairn.1 -o -name cli.lua -o -name cairn-xlsx.so -o -name demo_data.lua \) | sort
./usr/bin/cairn
./usr/lib/cairn/cairn-xlsx.so
./usr/share/cairn/lua/cairn/cli.lua
./usr/share/cairn/scripts/workflows/demo_data.lua
./usr/share/man/man1/cairn.1
$ mkdir -p /tmp/cairn-install-$$ && cd /tmp/cairn-install-$$ && "$OLDPWD/stage/usr/bin/cairn" init --district "Installed" && "$OLDPWD/stage/usr/bin/cairn" -e 'return ws.district(), require("cairn.host").datadir():match("stage/usr/bin/%.%./share/cairn$") ~= nil'; cd /; rm -rf /tmp/cairn-install-$$
created cairn.db for Installed
"Installed"	true
$ cd /tmp && "$OLDPWD/stage/usr/bin/cairn" help | head -n 1
cairn 0.1.0: a planning workbench for school districts
$ MANWIDTH=80 man -l stage/usr/share/man/man1/cairn.1 2>/dev/null | grep -A1 '^NAME'
NAME
       cairn - a planning workbench for school districts
# bash and zsh completion are installed; bash completes commands, subcommands, options and
# tool ids (from `cairn tool list --csv`)
$ cd stage/usr/share && ls bash-completion/completions zsh/site-functions
bash-completion/completions:
cairn

zsh/site-functions:
_cairn
$ bash -c '. stage/usr/share/bash-completion/completions/cairn; complete -p cairn'
complete -F _cairn cairn
$ bash $TESTS/cli/complete.sh stage/usr/share/bash-completion/completions/cairn re \; tool '' \; tool run five \; survey res \; survey results w --j \; run --s \; report --fo \; report x --format x
report
list show run edit resume copy worksheets history report
five_whys
results
--json
--sandbox
--format
xlsx
$ o=${CAIRN_TEST_BUILD:-build}; [ "$o" = build ] && o=; make -s -C "$TESTS/.." O="$o" uninstall DESTDIR="$PWD/stage" PREFIX=/usr && find stage -type f | wc -l
0
