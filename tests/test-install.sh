#!/bin/sh
# meson install puts the library, headers, pkg-config file, CLI and man
# page in place, a program builds against them with pkg-config alone, the
# installed modori runs and says its version, and meson uninstall (ninja
# uninstall) takes it all away again: README's "Install" section.
# Args: BUILD_DIR SOURCE_DIR [EXTRA_CFLAGS]
build="$1"; src="$2"; extra="${3:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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
# With introspection built, the GIR and the typelib are installed too.
if [ -e "$build/lib/Modori-0.typelib" ]; then
  [ -e "$root/share/gir-1.0/Modori-0.gir" ] || missing="$missing share/gir-1.0/Modori-0.gir"
  [ -n "$(find "$root" -path '*/girepository-1.0/Modori-0.typelib')" ] || missing="$missing Modori-0.typelib"
fi
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

# README's checks after an install: modori --version and pkg-config
# --modversion agree with the project's version.
version=$(meson introspect "$build" --projectinfo | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
got=$(LD_LIBRARY_PATH="$(dirname "$lib")" "$root/bin/modori" --version 2>&1)
pcv=$(PKG_CONFIG_PATH="$tmp/pc" pkg-config --modversion modori 2>&1)
if [ "$got" = "modori $version" ] && [ "$pcv" = "$version" ]; then
  echo "ok 5 - the installed modori --version and pkg-config --modversion say $version"
else
  echo "not ok 5 - the installed modori --version says '$got', pkg-config '$pcv', want $version"
fi

# What README says of compressed input: modori (ModoriSource) and
# modori_analyzer_analyze_file() read a .gz alike (one reader).
gzip -c "$src/testdata/dsn/postfix-userunknown.eml" >"$tmp/bounce.eml.gz"
LD_LIBRARY_PATH="$(dirname "$lib")" "$root/bin/modori" --format=jsonl "$tmp/bounce.eml.gz" >"$tmp/gz.out" 2>&1
cli_reads=$?
LD_LIBRARY_PATH="$(dirname "$lib")" "$tmp/analyze" "$tmp/bounce.eml.gz" >"$tmp/gz-api.out" 2>&1
if [ "$cli_reads" = 0 ] && grep -q '"recipient":"taro@example.jp"' "$tmp/gz.out" &&
   grep -q "taro@example.jp" "$tmp/gz-api.out"; then
  echo "ok 6 - modori and modori_analyzer_analyze_file() read a .gz"
else
  sed 's/^/# /' "$tmp/gz.out" "$tmp/gz-api.out"; echo "not ok 6 - modori and modori_analyzer_analyze_file() read a .gz"
fi

# Uninstall removes what install put in place (meson logs the installed
# files, DESTDIR included, in meson-logs/install-log.txt).
if ninja -C "$build" uninstall >"$tmp/log" 2>&1 && [ -z "$(find "$tmp/root" -type f 2>/dev/null)" ]; then
  echo "ok 7 - ninja uninstall removes every installed file"
else
  sed 's/^/# /' "$tmp/log"; find "$tmp/root" -type f | sed 's/^/# left: /'; echo "not ok 7 - ninja uninstall removes every installed file"
fi

# README says how to install and uninstall, and which calls read gzip.
if grep -q '^## Install' "$src/README.md" && grep -q 'ninja -C build install' "$src/README.md" &&
   grep -q 'ninja -C build uninstall' "$src/README.md" && grep -q '^ldconfig' "$src/README.md" &&
   grep -q 'the same reader as `ModoriSource`' "$src/README.md"; then
  echo "ok 8 - README has the Install section and says which calls read gzip"
else
  echo "not ok 8 - README has the Install section and says which calls read gzip"
fi
echo "1..8"
