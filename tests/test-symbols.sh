#!/bin/sh
# Only modori_* symbols may leave the shared library.
lib="$1"
echo "1..2"
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRV]$/ { print $3 }')
bad=$(printf '%s\n' "$exported" | grep -v '^modori_' | grep -v '^_init$' | grep -v '^_fini$' | grep -v '^$')
if [ -z "$bad" ]; then echo "ok 1 - only modori_ symbols exported"; else echo "not ok 1 - foreign symbols exported: $bad"; fi
n=$(printf '%s\n' "$exported" | grep -c '^modori_')
if [ "$n" -ge 20 ]; then echo "ok 2 - $n modori_ symbols exported"; else echo "not ok 2 - only $n modori_ symbols"; fi
