# cairn: build, test, demo, install. `make help` lists the targets.
#
# Every target that needs Debian packages installs the missing ones first
# (scripts/install-deps), so `make demo` and `make test` work on a fresh machine.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/cairn
MANDIR  ?= $(PREFIX)/share/man/man1
DESTDIR ?=

PKGS    := lua5.4 sqlite3 libedit libcmark-gfm xlsxwriter
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
DEFS    := -DCAIRN_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(DEFS) -Isrc -Ibuild
LIBS    = $(PKG_LIBS) -lm

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# O=DIR builds into DIR (objects, DIR/cairn, DIR/tests/*) instead of build/ and ./cairn, so
# several builds (a sanitizer build, one per developer) can share a tree. SAN=1 adds the
# sanitizers. The binary finds lua/ and scripts/ through links placed beside it.
O       ?=
ifeq ($(O),)
  B   := build
  BIN := cairn
else
  B   := $(O)
  BIN := $(O)/cairn
endif
ifdef SAN
  ALL_CFLAGS += $(SAN_FLAGS)
  LIBS += $(SAN_FLAGS)
endif

SRC     := $(wildcard src/*.c)
OBJ     := $(patsubst src/%.c,$(B)/%.o,$(SRC)) $(B)/migrations.o
LIB_OBJ := $(filter-out $(B)/main.o,$(OBJ))
MIGRATIONS := $(sort $(wildcard src/migrations/*.sql))
C_TESTS := $(patsubst tests/c/%.c,$(B)/tests/%,$(wildcard tests/c/test_*.c))

.PHONY: all deps test-deps test check demo bench sanitize valgrind install uninstall clean help

all: deps $(BIN) $(C_TESTS)

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

$(BIN): $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(LIBS)
	@if [ "$(B)" != build ]; then ln -sfn ../lua $(B)/lua; ln -sfn ../scripts $(B)/scripts; fi

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
test: test-deps $(BIN) $(C_TESTS)
	@CAIRN_BIN=$(CURDIR)/$(BIN) CAIRN_TEST_BUILD=$(B) tests/run

check: test

# A demo workspace with a district, people, plans and survey results, then the REPL on it
# (or, without a terminal, a short scripted tour).
demo: deps $(BIN)
	@scripts/demo

bench: deps $(BIN)
	@scripts/install-deps --bench
	@bench/run

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer, in its own
# build folder so the normal build is untouched.
sanitize: test-deps
	@$(MAKE) --no-print-directory O=build-san SAN=1 test

valgrind: test-deps $(BIN) $(C_TESTS)
	@CAIRN_VALGRIND=1 CAIRN_BIN=$(CURDIR)/$(BIN) CAIRN_TEST_BUILD=$(B) tests/run

install: deps $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/cairn
	cp -R lua scripts $(DESTDIR)$(DATADIR)/
	install -m 644 docs/cairn.1 $(DESTDIR)$(MANDIR)/cairn.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cairn $(DESTDIR)$(MANDIR)/cairn.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-* cairn

help:
	@echo "make            build ./cairn (installs missing Debian packages first)"
	@echo "make demo       open cairn on a demo workspace"
	@echo "make test       run the whole test suite"
	@echo "make sanitize   the suite under ASan + UBSan"
	@echo "make valgrind   the suite under valgrind"
	@echo "make bench      benchmarks, reported as ratios to baselines"
	@echo "make install    install to PREFIX (default /usr/local); DESTDIR supported"
