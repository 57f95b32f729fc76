#!/bin/sh
# meson install puts the library, headers, pkg-config file, CLI and man
# page in place, and a program builds against them with pkg-config alone.
# Args: BUILD_DIR SOURCE_DIR [EXTRA_CFLAGS]
build="$1"; src="$2"; extra="${3:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "1..4"
if meson install -C "$build" --no-rebuild --destdir "$tmp/root" >"$tmp/log" 2>&1; then
  echo "ok 1 - meson install"
else
  sed 's/^/# /' "$tmp/log"; echo "not ok 1 - meson install"
fi
prefix=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
root="$tmp/root$prefix"
missing=""
for f in include/modori/modori.h include/modori/modori-version.h bin/modori share/man/man1/modori.1; do
  [ -e "$root/$f" ] || missing="$missing $f"
done
pc=$(find "$root" -name modori.pc | head -1)
lib=$(find "$root" -name 'libmodori.so.0*' | head -1)
[ -n "$pc" ] || missing="$missing modori.pc"
[ -n "$lib" ] || missing="$missing libmodori.so.0"
if [ -z "$missing" ]; then echo "ok 2 - installed files present"; else echo "not ok 2 - missing:$missing"; fi

# Build the README example against the installed tree only.
# The .pc file names the real prefix: point it at the staged tree instead.
mkdir -p "$tmp/pc"
sed "s|^prefix=.*|prefix=$root|" "$pc" >"$tmp/pc/modori.pc"
PKG_CONFIG_PATH="$tmp/pc" pkg-config --cflags --libs modori >"$tmp/flags" 2>&1
if cc $extra "$src/examples/analyze.c" -o "$tmp/analyze" $(cat "$tmp/flags") >"$tmp/cc.log" 2>&1; then
  echo "ok 3 - example builds with pkg-config"
else
  sed 's/^/# /' "$tmp/flags" "$tmp/cc.log"; echo "not ok 3 - example builds with pkg-config"
fi
out=$(LD_LIBRARY_PATH="$(dirname "$lib")" "$tmp/analyze" "$src/testdata/dsn/postfix-userunknown.eml" 2>&1)
if printf '%s\n' "$out" | grep -q 'userunknown'; then
  echo "ok 4 - example reports the bounce"
else
  printf '%s\n' "$out" | sed 's/^/# /'; echo "not ok 4 - example reports the bounce"
fi
