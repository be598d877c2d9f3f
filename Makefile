# cairn: build, test, demo, install. `make help` lists the targets.
#
# `make` only builds. The targets a fresh machine starts with (deps, demo, test, bench, sanitize,
# valgrind, install) install the missing Debian packages first (scripts/install-deps) and then
# run make again, so that what depends on the packages (STATIC below) is decided after they
# are there, never from a half-installed machine.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/cairn
MANDIR  ?= $(PREFIX)/share/man/man1
DESTDIR ?=

LIBDIR  ?= $(PREFIX)/lib/cairn

# The binary links what every start needs. libxlsxwriter (with libminizip and libcrypto) is
# linked only into cairn-xlsx.so, a module the binary opens the first time it writes XLSX
# (src/xlsx_lazy.c): loading it at every start would double cairn's start-up time.
#
# SQLite, libedit and cmark-gfm are linked statically (from the Debian -dev packages' .a files)
# unless STATIC=0: resolving a dozen shared libraries at every start was most of the start-up
# time. Lua stays shared, so Debian's Lua C modules and cairn use one Lua.
PKGS    := lua5.4 sqlite3 libedit libcmark-gfm
LAZY_PKGS := xlsxwriter
# libpq likewise goes only into cairn-pg.so (src/l_pg.c), opened on the first require "cairn.pg"
# (src/pg_lazy.c): only publishing and the state side use PostgreSQL.
PG_PKGS := libpq
STATIC_ARCHIVES := libsqlite3.a libedit.a libtinfo.a libbsd.a libmd.a libcmark-gfm.a \
                   libcmark-gfm-extensions.a
# static only when every archive is there (cc -print-file-name echoes the bare name if not)
STATIC  ?= $(if $(strip $(foreach a,$(STATIC_ARCHIVES),$(if $(filter /%,$(shell $(CC) \
             -print-file-name=$(a))),,missing))),0,1)
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
DEFS    := -DCAIRN_DATADIR='"$(DATADIR)"' -DCAIRN_LIBDIR='"$(LIBDIR)"'
ALL_CFLAGS = $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(DEFS) -Isrc -Ibuild
# -rdynamic: cairn-xlsx.so uses the render helpers (render.c) from the binary.
# -Wl,-O1,--as-needed: optimised hash tables, and no library that nothing uses.
ifeq ($(STATIC),1)
  LINK_LIBS = $(shell pkg-config --libs lua5.4 2>/dev/null) -Wl,-Bstatic -lsqlite3 -ledit \
              -ltinfo -lbsd -lmd -lcmark-gfm-extensions -lcmark-gfm -Wl,-Bdynamic -lpthread
else
  LINK_LIBS = $(PKG_LIBS)
endif
LIBS    = -rdynamic -Wl,-O1,--as-needed $(LINK_LIBS) -ldl -lm
LAZY_CFLAGS = $(shell pkg-config --cflags $(LAZY_PKGS) 2>/dev/null)
LAZY_LIBS   = $(shell pkg-config --libs $(LAZY_PKGS) 2>/dev/null)
PG_CFLAGS   = $(shell pkg-config --cflags $(PG_PKGS) 2>/dev/null || echo -I/usr/include/postgresql)
PG_LIBS     = $(shell pkg-config --libs $(PG_PKGS) 2>/dev/null || echo -lpq)

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# O=DIR builds into DIR (objects, DIR/cairn, DIR/tests/*) instead of build/ and ./cairn, so
# several builds (a sanitizer build, one per developer) can share a tree. SAN=1 adds the
# sanitizers. The binary finds lua/ and scripts/ through links placed beside it.
O       ?=
ifeq ($(O),)
  B   := build
  BIN := cairn
  BYTECODE_REL := build/luac
else
  B   := $(O)
  BIN := $(O)/cairn
  BYTECODE_REL := luac
endif
# cairn's own Lua modules, precompiled into $(B)/luac (see src/tools/compile-lua.c); the binary
# looks for them at BYTECODE_REL beside itself and uses one only while its source is unchanged.
DEFS    += -DCAIRN_BYTECODE_DIR='"$(BYTECODE_REL)"'
LUA_MODULES := $(sort $(shell find lua/cairn -name '*.lua'))
BYTECODE := $(B)/luac/.stamp
ifdef SAN
  ALL_CFLAGS += $(SAN_FLAGS)
  LIBS += $(SAN_FLAGS)
endif

LAZY_SRC := $(wildcard src/render_xlsx.c)
PG_SRC  := $(wildcard src/l_pg.c)
SRC     := $(filter-out $(LAZY_SRC) $(PG_SRC),$(wildcard src/*.c))
XLSX_SO := $(if $(LAZY_SRC),$(dir $(BIN))cairn-xlsx.so)
PG_SO   := $(if $(PG_SRC),$(dir $(BIN))cairn-pg.so)
OBJ     := $(patsubst src/%.c,$(B)/%.o,$(SRC)) $(B)/migrations.o
LIB_OBJ := $(filter-out $(B)/main.o,$(OBJ))
MIGRATIONS := $(sort $(wildcard src/migrations/*.sql))
C_TESTS := $(patsubst tests/c/%.c,$(B)/tests/%,$(wildcard tests/c/test_*.c))
# the fuzz targets (see `make fuzz` below): libFuzzer builds in $(FZ), plain replay drivers
FZ      := $(B)/fuzz
FUZZ_NAMES := csv answers render
FUZZ_OBJ := $(patsubst $(B)/%.o,$(FZ)/%.o,$(LIB_OBJ))
FUZZERS := $(patsubst %,$(FZ)/fuzz_%,$(FUZZ_NAMES))
REPLAYERS := $(patsubst %,$(B)/tests/fuzz_replay_%,$(FUZZ_NAMES))
HAVE_CLANG := $(shell command -v clang >/dev/null 2>&1 && echo 1)

.PHONY: all deps test-deps test check demo bench fuzz sanitize valgrind install uninstall clean help \
        test-run fuzz-run demo-run demo-state demo-state-run bench-run valgrind-run install-run soak FORCE

all: $(BIN) $(BYTECODE) $(XLSX_SO) $(PG_SO) $(C_TESTS) $(REPLAYERS)

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

# The link mode is recorded, so a binary linked before the static archives were installed is
# relinked once they are (the file changes only when the mode does).
$(B)/link-mode: FORCE | $(B)/tests
	@echo "STATIC=$(STATIC)" | cmp -s - $@ || echo "STATIC=$(STATIC)" > $@

$(BIN): $(OBJ) $(B)/link-mode
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(LIBS)
	@if [ "$(B)" != build ]; then ln -sfn $(CURDIR)/lua $(B)/lua; ln -sfn $(CURDIR)/scripts $(B)/scripts; fi

# The whole set is recompiled when any module changes (a fraction of a second); a module that
# no longer exists loses its compiled chunk. The chunk names the source where the binary finds
# it (the real path of the binary's folder), as loading the source would.
$(B)/compile-lua: src/tools/compile-lua.c | $(B)/tests
	$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(shell pkg-config --libs lua5.4 2>/dev/null)

$(BYTECODE): $(LUA_MODULES) $(B)/compile-lua
	@mkdir -p $(B)/luac && rm -f $(B)/luac/*.luac
	@echo "compile-lua: $(words $(LUA_MODULES)) modules into $(B)/luac"
	@$(B)/compile-lua $(B)/luac $(realpath $(dir $(BIN))) $(LUA_MODULES)
	@touch $@

$(XLSX_SO): $(LAZY_SRC) $(wildcard src/*.h) | $(B)/tests
	$(CC) $(ALL_CFLAGS) $(LAZY_CFLAGS) -fPIC -shared -Drender_xlsx=cairn_render_xlsx -o $@ \
	  $(LAZY_SRC) $(LAZY_LIBS)

$(PG_SO): $(PG_SRC) | $(B)/tests
	$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(PG_CFLAGS) $(if $(SAN),$(SAN_FLAGS)) -fPIC -shared \
	  -o $@ $(PG_SRC) $(PG_LIBS)

$(B)/%.o: src/%.c $(wildcard src/*.h) | $(B)/tests
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/migrations.c: src/embed-migrations.sh $(MIGRATIONS) | $(B)/tests
	src/embed-migrations.sh $(MIGRATIONS) > $@.tmp && mv $@.tmp $@

$(B)/migrations.o: $(B)/migrations.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/c/%.c $(LIB_OBJ) tests/c/tap.h | $(B)/tests
	$(CC) $(ALL_CFLAGS) -Itests/c -o $@ $< $(LIB_OBJ) $(LIBS)

$(B)/tests:
	@mkdir -p $@

# The whole suite: C unit tests, Lua tests inside the host, CLI/REPL transcripts, tool goldens.
# Prints "N passed, N failed" last and fails if anything failed.
test: test-deps
	@$(MAKE) --no-print-directory test-run

test-run: $(BIN) $(BYTECODE) $(XLSX_SO) $(PG_SO) $(C_TESTS) $(REPLAYERS) $(if $(HAVE_CLANG),$(FUZZERS))
	@CAIRN_BIN=$(abspath $(BIN)) CAIRN_TEST_BUILD=$(B) tests/run

check: test

# The long runs of tests/safety (not part of make test, which runs them short): SIGKILL at random
# moments of imports, tool saves, migrations, backups and report batches (20 of each, every
# one followed by cairn check and an all-or-nothing assertion; the counts are printed); a tool
# waiting a minute at a prompt while four processes write 500 times each; the report kill test.
soak: $(BIN) $(BYTECODE) $(XLSX_SO) $(PG_SO)
	@rm -f $(B)/soak-counts.txt
	@SOAK_KILLS=20 SOAK_REPORT=$(abspath $(B))/soak-counts.txt WAIT_RUNS=500 TOOL_WAIT_MIN=60 \
	  CAIRN_BIN=$(abspath $(BIN)) CAIRN_TEST_BUILD=$(B) tests/run safety/; status=$$?; \
	  cat $(B)/soak-counts.txt 2>/dev/null; exit $$status

# A demo workspace with a district, people, plans and survey results, then the REPL on it
# (or, without a terminal, a short scripted tour).
demo: deps
	@$(MAKE) --no-print-directory demo-run

demo-run: $(BIN) $(BYTECODE) $(XLSX_SO) $(PG_SO)
	@scripts/demo

# The state side of the demo: the demo district published to a throwaway PostgreSQL server,
# the state reports rendered into demo/state/ (scripts/demo-state).
demo-state: test-deps
	@$(MAKE) --no-print-directory demo-state-run

demo-state-run: $(BIN) $(XLSX_SO) $(PG_SO)
	@[ -f demo/cairn.db ] || scripts/demo </dev/null >/dev/null
	@scripts/demo-state

bench: deps
	@scripts/install-deps --bench
	@$(MAKE) --no-print-directory bench-run

bench-run: $(BIN) $(BYTECODE) $(XLSX_SO) $(PG_SO)
	@CAIRN_BIN=$(abspath $(BIN)) bench/run

# ---- fuzzing ---------------------------------------------------------------------------------
# libFuzzer with ASan and UBSan (clang) on the CSV reader (tests/survey/fuzz/fuzz_csv.c: src/csv.c
# has no Lua inside, so it fuzzes alone), the answers-file loader (tests/fuzz/fuzz_answers.c) and
# the renderers (tests/fuzz/fuzz_render.c); the last two run inside the host, linked from the
# objects the cairn binary uses, compiled again by clang into $(B)/fuzz/. `make fuzz` runs each
# for FUZZ_TIME seconds (default 60); new inputs go to $(B)/fuzz-corpus/NAME (the seed corpora
# in tests/ stay as committed), a crash is written to $(B)/fuzz/crash-*: copy it into the seed
# corpus (it then replays in make test) and fix it.
# `make test` runs tests/fuzz/fuzz_smoke_test.sh: every seed replayed through plain drivers built
# with the normal compiler ($(B)/tests/fuzz_replay_*, tests/fuzz/replay.c), then each libFuzzer
# target for a few seconds (clang comes with scripts/install-deps --test).
FUZZ_TIME ?= 60
FUZZ_SEEDS_csv := tests/survey/fuzz/corpus
FUZZ_SEEDS_answers := tests/fuzz/corpus/answers
FUZZ_SEEDS_render := tests/fuzz/corpus/render
FUZZ_FLAGS := -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_HOME := -DCAIRN_FUZZ_HOME='"$(CURDIR)"'

fuzz: | $(B)/tests
	@scripts/install-deps --fuzz
	@$(MAKE) --no-print-directory fuzz-run

fuzz-run: $(FUZZERS)
	@for t in $(FUZZ_NAMES); do \
	  mkdir -p $(B)/fuzz-corpus/$$t; echo "fuzz_$$t: $(FUZZ_TIME) s"; \
	  $(FZ)/fuzz_$$t -max_total_time=$(FUZZ_TIME) -timeout=20 -artifact_prefix=$(FZ)/ \
	    $(B)/fuzz-corpus/$$t $$(case $$t in csv) echo $(FUZZ_SEEDS_csv);; answers) echo $(FUZZ_SEEDS_answers);; \
	    render) echo $(FUZZ_SEEDS_render);; esac) > $(FZ)/fuzz_$$t.log 2>&1; status=$$?; \
	  grep -E '^#[0-9]+[[:space:]]+DONE' $(FZ)/fuzz_$$t.log; \
	  [ $$status -eq 0 ] || { tail -n 40 $(FZ)/fuzz_$$t.log; exit 1; }; \
	done

$(FZ):
	@mkdir -p $@

# kept between runs (make would delete them as intermediates of the fuzz binaries)
.SECONDARY: $(FUZZ_OBJ)

$(FZ)/%.o: src/%.c $(wildcard src/*.h) | $(FZ)
	clang $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) $(DEFS) -Isrc -I$(B) -c -o $@ $<

$(FZ)/migrations.o: $(B)/migrations.c | $(FZ)
	clang $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) $(DEFS) -Isrc -I$(B) -c -o $@ $<

$(FZ)/fuzz_csv: tests/survey/fuzz/fuzz_csv.c src/csv.c src/csv.h | $(FZ)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer -Isrc -o $@ $(filter %.c,$^)

$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_host.c tests/fuzz/fuzz_host.h $(FUZZ_OBJ) | $(FZ)
	clang $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) $(FUZZ_HOME) -Isrc -Itests/fuzz -o $@ \
	  $(filter %.c %.o,$^) $(LIBS)

# the plain replay drivers (the normal compiler, part of `make`)
$(B)/tests/fuzz_replay_csv: tests/survey/fuzz/fuzz_csv.c tests/fuzz/replay.c $(B)/csv.o | $(B)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(if $(SAN),$(SAN_FLAGS))

$(B)/tests/fuzz_replay_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_host.c tests/fuzz/replay.c tests/fuzz/fuzz_host.h \
                          $(LIB_OBJ) | $(B)/tests
	$(CC) $(ALL_CFLAGS) $(FUZZ_HOME) -Itests/fuzz -o $@ $(filter %.c %.o,$^) $(LIBS)

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer, in its own
# build folder so the normal build is untouched.
sanitize: test-deps
	@$(MAKE) --no-print-directory O=build-san SAN=1 test

valgrind: test-deps
	@$(MAKE) --no-print-directory valgrind-run

valgrind-run: $(BIN) $(BYTECODE) $(XLSX_SO) $(PG_SO) $(C_TESTS) $(REPLAYERS)
	@CAIRN_VALGRIND=1 CAIRN_BIN=$(abspath $(BIN)) CAIRN_TEST_BUILD=$(B) tests/run

install: deps
	@$(MAKE) --no-print-directory install-run

install-run: $(BIN) $(XLSX_SO) $(PG_SO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(LIBDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/cairn
	$(if $(XLSX_SO),install -m 644 $(XLSX_SO) $(DESTDIR)$(LIBDIR)/cairn-xlsx.so)
	$(if $(PG_SO),install -m 644 $(PG_SO) $(DESTDIR)$(LIBDIR)/cairn-pg.so)
	cp -R lua scripts $(DESTDIR)$(DATADIR)/
	install -m 644 docs/cairn.1 $(DESTDIR)$(MANDIR)/cairn.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 644 scripts/completion/cairn.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/cairn
	install -m 644 scripts/completion/_cairn $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_cairn

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cairn $(DESTDIR)$(MANDIR)/cairn.1
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/cairn $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_cairn
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(LIBDIR)

clean:
	rm -rf build build-* cairn cairn-xlsx.so cairn-pg.so

help:
	@echo "make            build ./cairn (installs nothing: make deps installs the build packages)"
	@echo "make demo       open cairn on a demo workspace"
	@echo "make demo-state publish the demo district to a throwaway PostgreSQL, state reports"
	@echo "make test       run the whole test suite"
	@echo "make sanitize   the suite under ASan + UBSan"
	@echo "make valgrind   the suite under valgrind"
	@echo "make bench      benchmarks, reported as ratios to baselines"
	@echo "make fuzz       libFuzzer: CSV reader, answers files, renderers (FUZZ_TIME=60 s each)"
	@echo "make install    install to PREFIX (default /usr/local); DESTDIR supported"
	@echo "options: O=DIR (build folder), SAN=1 (sanitizers), STATIC=0 (shared SQLite/libedit/cmark)"
