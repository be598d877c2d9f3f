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

SRC     := $(wildcard src/*.c)
OBJ     := $(patsubst src/%.c,build/%.o,$(SRC)) build/migrations.o
LIB_OBJ := $(filter-out build/main.o,$(OBJ))
MIGRATIONS := $(sort $(wildcard src/migrations/*.sql))
C_TESTS := $(patsubst tests/c/%.c,build/tests/%,$(wildcard tests/c/test_*.c))

.PHONY: all deps test-deps test check demo bench sanitize valgrind install uninstall clean help

all: deps cairn

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

cairn: $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(LIBS)

build/%.o: src/%.c $(wildcard src/*.h) | build
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/migrations.c: src/embed-migrations.sh $(MIGRATIONS) | build
	src/embed-migrations.sh $(MIGRATIONS) > $@.tmp && mv $@.tmp $@

build/migrations.o: build/migrations.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/tests/%: tests/c/%.c $(LIB_OBJ) tests/c/tap.h | build
	$(CC) $(ALL_CFLAGS) -Itests/c -o $@ $< $(LIB_OBJ) $(LIBS)

build:
	@mkdir -p build/tests

# The whole suite: C unit tests, Lua tests inside the host, CLI/REPL transcripts, tool goldens.
# Prints "N passed, N failed" last and fails if anything failed.
test: test-deps cairn $(C_TESTS)
	@tests/run

check: test

# A demo workspace with a district, people, plans and survey results, then the REPL on it
# (or, without a terminal, a short scripted tour).
demo: deps cairn
	@scripts/demo

bench: cairn
	@scripts/install-deps --bench
	@bench/run

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer, in its own tree
# so the normal build is untouched.
sanitize: test-deps
	@$(MAKE) --no-print-directory -C . BUILD_SAN=1 build-san/cairn
	@CAIRN_BIN=$(CURDIR)/build-san/cairn CAIRN_TEST_BUILD=build-san tests/run

valgrind: test-deps cairn $(C_TESTS)
	@CAIRN_VALGRIND=1 tests/run

ifdef BUILD_SAN
build-san/%.o: src/%.c $(wildcard src/*.h) build/migrations.c
	@mkdir -p build-san/tests
	$(CC) $(WARN) $(SAN_FLAGS) $(PKG_CFLAGS) $(DEFS) -Isrc -Ibuild -c -o $@ $<
build-san/migrations.o: build/migrations.c
	$(CC) $(WARN) $(SAN_FLAGS) $(PKG_CFLAGS) -Isrc -c -o $@ $<
SAN_OBJ := $(patsubst src/%.c,build-san/%.o,$(SRC)) build-san/migrations.o
SAN_LIB := $(filter-out build-san/main.o,$(SAN_OBJ))
build-san/cairn: $(SAN_OBJ) $(patsubst tests/c/%.c,build-san/tests/%,$(wildcard tests/c/test_*.c))
	$(CC) $(SAN_FLAGS) -o $@ $(SAN_OBJ) $(LIBS)
	@ln -sf ../lua build-san/lua && ln -sf ../scripts build-san/scripts
build-san/tests/%: tests/c/%.c $(SAN_LIB) tests/c/tap.h
	@mkdir -p build-san/tests
	$(CC) $(WARN) $(SAN_FLAGS) $(PKG_CFLAGS) -Isrc -Ibuild -Itests/c -o $@ $< $(SAN_LIB) $(LIBS)
endif

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 cairn $(DESTDIR)$(BINDIR)/cairn
	cp -R lua scripts $(DESTDIR)$(DATADIR)/
	install -m 644 docs/cairn.1 $(DESTDIR)$(MANDIR)/cairn.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cairn $(DESTDIR)$(MANDIR)/cairn.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san cairn

help:
	@echo "make            build ./cairn (installs missing Debian packages first)"
	@echo "make demo       open cairn on a demo workspace"
	@echo "make test       run the whole test suite"
	@echo "make sanitize   the suite under ASan + UBSan"
	@echo "make valgrind   the suite under valgrind"
	@echo "make bench      benchmarks, reported as ratios to baselines"
	@echo "make install    install to PREFIX (default /usr/local); DESTDIR supported"
