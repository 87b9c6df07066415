# cim: build, test, demo, install.  GNU make.
#
# Layout: lib/*.c -> build/libcim.a; cmd/NAME.c -> build/bin/NAME;
# tests/unit/NAME.c -> build/unit/NAME.  Adding a module, a tool or a unit
# test is adding a file: nothing here needs to change.

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    = -std=c11 -Wall -Wextra -Wpedantic
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -iquote lib
LDLIBS  = -ljq -lcsv -lz -lm -lpthread
PREFIX  ?= /usr/local
B       = build

LIB_SRC  = $(wildcard lib/*.c)
LIB_OBJ  = $(LIB_SRC:lib/%.c=$(B)/lib/%.o)
CMD_SRC  = $(wildcard cmd/*.c)
BINS     = $(CMD_SRC:cmd/%.c=$(B)/bin/%)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNITS    = $(UNIT_SRC:tests/unit/%.c=$(B)/unit/%)
HDRS     = $(wildcard lib/*.h) tests/unit/unit.h
FUZZ_SRC = $(filter-out tests/fuzz/driver.c,$(wildcard tests/fuzz/*.c))
FUZZREG  = $(FUZZ_SRC:tests/fuzz/%.c=$(B)/fuzzreg/%)
BENCH_SRC = $(wildcard scripts/*.c)
BENCH    = $(BENCH_SRC:scripts/%.c=$(B)/scripts/%)

all: $(B)/.deps $(BINS)

# Install libjq, libcsv and zlib only when a header or library is missing.
$(B)/.deps:
	@mkdir -p $(B)
	@sh scripts/deps --check >/dev/null 2>&1 || sh scripts/deps
	@touch $@

$(B)/lib/%.o: lib/%.c $(HDRS) | $(B)/.deps
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/libcim.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(B)/bin/%: cmd/%.c $(B)/libcim.a $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libcim.a $(LDLIBS)

$(B)/unit/%: tests/unit/%.c $(B)/libcim.a $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libcim.a $(LDLIBS)

# Fuzz targets built with a plain driver: make check replays their seeds
# and every crash kept in tests/fuzz/NAME/ as a regression case.
$(B)/fuzzreg/%: tests/fuzz/%.c tests/fuzz/driver.c $(B)/libcim.a $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/driver.c $(B)/libcim.a $(LDLIBS)

$(B)/scripts/%: scripts/%.c $(B)/libcim.a $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libcim.a $(LDLIBS)

check: all $(UNITS) $(FUZZREG)
	@sh tests/run $(B)

demo: all
	@sh scripts/demo $(B)/bin

bench: all $(BENCH)
	sh scripts/bench

bench-tools: all $(BENCH)

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize:
	@$(MAKE) --no-print-directory B=build-san CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" check

# libFuzzer builds of tests/fuzz/*.c (clang); scripts/fuzz SECONDS runs them.
FZ = build-fuzz
fuzz:
	$(MAKE) B=$(FZ) CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all" $(FZ)/libcim.a
	@for t in $(FUZZ_SRC:tests/fuzz/%.c=%); do \
		echo "clang ... -o $(FZ)/fuzz-$$t tests/fuzz/$$t.c"; \
		clang $(WARN) $(CPPFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		    -o $(FZ)/fuzz-$$t tests/fuzz/$$t.c $(FZ)/libcim.a $(LDLIBS) || exit 1; \
	done

# The suite under valgrind's memcheck: every tool run goes through it.
valgrind: all $(UNITS) $(FUZZREG)
	@CIM_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite" sh tests/run $(B)

lint-man:
	mandoc -Tlint -W warning man/*.[17]

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man7
	cp $(BINS) $(DESTDIR)$(PREFIX)/bin/
	cp man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	cp man/*.7 $(DESTDIR)$(PREFIX)/share/man/man7/

clean:
	rm -rf build build-san build-fuzz

.PHONY: all check demo bench bench-tools sanitize fuzz valgrind lint-man install clean
.SECONDARY:
