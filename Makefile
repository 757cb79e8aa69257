# dyad -- build, test, benchmark, install.
#
#   make            build libdyad.a and the dyad binary (into build/)
#   make demo       install missing Debian packages, build, run on the samples
#   make check      the whole test suite, then again under ASan+UBSan
#   make check-asan the suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench      speed and memory figures (needs ../shared)
#   make model      retrain the parser model from ../shared/treebanks
#   make install PREFIX=/usr/local

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
SHARED  ?= $(abspath $(CURDIR)/../shared)
DATADIR ?= $(CURDIR)/data
PKGS    := libutf8proc jansson sqlite3

OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
           -Iinclude -Isrc -DDYAD_DATADIR='"$(DATADIR)"' \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(SAN_FLAGS)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lutf8proc -ljansson -lsqlite3) -lm -lpthread
LDFLAGS += $(SAN_FLAGS)

LIB_SRC  := $(sort $(shell find src -name '*.c' -not -path 'src/cli/*'))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
HEADERS  := $(shell find include src tests -name '*.h')
DEPS_OK  := $(BUILD)/.deps-ok

.PHONY: all deps test-deps demo check check-run check-asan bench model install clean
all: $(BUILD)/dyad

$(DEPS_OK): scripts/setup.sh
	@scripts/setup.sh
	@mkdir -p $(BUILD) && touch $@

deps: $(DEPS_OK)

# What the tests need besides (cmocka, chromium): checked every time, as a
# stamp made by `make demo` would not cover it.
test-deps:
	@scripts/setup.sh --test

$(BUILD)/%.o: %.c $(HEADERS) | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@
	@ln -sf $(BUILD)/dyad dyad 2>/dev/null || true

$(BUILD)/tests/%: tests/%.c tests/testutil.h $(BUILD)/libdyad.a $(HEADERS) | test-deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(BUILD)/libdyad.a $(LDLIBS) -lcmocka -o $@

demo: $(BUILD)/dyad
	@scripts/demo.sh $(BUILD)/dyad

# The suite, then the suite again under sanitizers (a separate build tree).
check: check-run check-asan

check-run: $(BUILD)/dyad $(TEST_BIN)
	@DYAD_BIN=$(CURDIR)/$(BUILD)/dyad DYAD_DATA=$(DATADIR) DYAD_SHARED=$(SHARED) \
	    tests/run.sh $(BUILD)/tests

check-asan:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)-asan OPT=-O1 \
	    SAN_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    ASAN_OPTIONS=detect_leaks=1 check-run

bench: $(BUILD)/dyad
	@SHARED=$(SHARED) bench/run.sh $(BUILD)/dyad

model: $(BUILD)/dyad
	$(BUILD)/dyad train --treebanks $(SHARED)/treebanks --out data/model/dyad.model

install:
	@$(MAKE) --no-print-directory BUILD=build-install DATADIR=$(PREFIX)/share/dyad all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/share/dyad
	install -m 755 build-install/dyad $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 build-install/libdyad.a $(DESTDIR)$(PREFIX)/lib/libdyad.a
	install -m 644 include/dyad.h $(DESTDIR)$(PREFIX)/include/dyad.h
	cp -R data/. $(DESTDIR)$(PREFIX)/share/dyad/

clean:
	rm -rf build build-* dyad
