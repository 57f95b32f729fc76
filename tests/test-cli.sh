#!/bin/sh
# CLI behaviour: exit statuses, error messages, stdin, and golden outputs
# (tests/golden/NAME.args holds the arguments, NAME.out the exact stdout).
# Run from the source root with the modori binary as $1.
MODORI="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fails=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fails=$((fails + 1)); fi
}

check () {  # check DESCRIPTION EXPECTED_STATUS COMMAND...
  desc="$1"; want="$2"; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  [ "$got" = "$want" ]; ok $? "$desc (exit $got, want $want)"
}

sample=testdata/dsn/postfix-userunknown.eml
nonbounce=testdata/dsn/newsletter-not-bounce.eml

check "--help exits 0" 0 "$MODORI" --help
grep -q "Exit status" "$tmp/out"; ok $? "--help documents exit statuses"
check "--version exits 0" 0 "$MODORI" --version
grep -q "^modori [0-9]" "$tmp/out"; ok $? "--version prints the version"

check "a bounce exits 0" 0 "$MODORI" "$sample"
check "a mail that is not a bounce exits 1" 1 "$MODORI" "$nonbounce"
check "no argument is a usage error" 2 "$MODORI"
check "an unknown format is a usage error" 2 "$MODORI" --format=xml "$sample"
check "an unknown language is a usage error" 2 "$MODORI" --lang=fr "$sample"

check "a missing file exits 2" 2 "$MODORI" --format=jsonl "$tmp/missing.eml" "$sample"
grep -q "^modori: $tmp/missing.eml: No such file or directory" "$tmp/err"; ok $? "the missing file is named on stderr"
grep -q '"recipient"' "$tmp/out"; ok $? "the other input is still analyzed"

check "a directory is scanned; a file in it that is no mail exits 2" 2 "$MODORI" --format=jsonl testdata/dsn
grep -q "^modori: testdata/dsn/postfix-userunknown.expected.json: not a mail message" "$tmp/err"; ok $? "the file that is no mail is named on stderr"
grep -q '"origin":"testdata/dsn/postfix-userunknown.eml"' "$tmp/out"; ok $? "the messages in the directory are analyzed"

: >"$tmp/empty.eml"
check "an empty file exits 2" 2 "$MODORI" "$tmp/empty.eml"
grep -q "^modori: $tmp/empty.eml: empty file" "$tmp/err"; ok $? "the empty file is named on stderr"

head -c 3000 /dev/urandom | tr -d 'A-Za-z' >"$tmp/garbage.bin"
"$MODORI" "$tmp/garbage.bin" >"$tmp/out" 2>"$tmp/err"
got=$?
[ "$got" = 1 ] || [ "$got" = 2 ]; ok $? "binary garbage is no bounce or a clear error (exit $got)"

"$MODORI" --format=jsonl - <"$sample" >"$tmp/out" 2>"$tmp/err"
grep -q '"origin":"-"' "$tmp/out"; ok $? "standard input is read with -"

"$MODORI" --format=jsonl "$sample" "$sample" >"$tmp/out"
[ "$(wc -l <"$tmp/out")" = 2 ]; ok $? "jsonl writes one line per record"

check "json of a mail that is not a bounce exits 1" 1 "$MODORI" --format=json "$nonbounce"
[ "$(cat "$tmp/out")" = "[]" ]; ok $? "json of no bounce is an empty array"

check "explain: a known reply exits 0" 0 "$MODORI" explain 550 "<a@example.jp>" User unknown
check "explain: a POP3 reply given as one argument is text, not options" 0 "$MODORI" explain "-ERR [IN-USE] /var/spool/pop/z/.taro.pop lock busy! Is another session active?"
grep -q "pop3-in-use" "$tmp/out"; ok $? "explain reads the -ERR argument as the [IN-USE] case"
check "explain: unrecognized text exits 1" 1 "$MODORI" explain hello world
grep -q "unrecognized" "$tmp/out"; ok $? "explain says the text was not recognized"
check "explain: empty standard input exits 1" 1 sh -c '"$0" explain </dev/null' "$MODORI"
grep -q "empty text" "$tmp/out"; ok $? "explain says the text was empty"
check "explain: a POP3 reply on standard input" 0 sh -c 'echo "-ERR [IN-USE] lock busy" | "$0" explain --format=json' "$MODORI"
grep -q '"case": "pop3-in-use"' "$tmp/out"; ok $? "explain reads standard input"
check "explain: an unknown option exits 2" 2 "$MODORI" explain --bogus text
grep -q "^modori: unknown option '--bogus'" "$tmp/err"; ok $? "explain names the unknown option"
head -c 1048576 /dev/zero | tr '\0' 'a' >"$tmp/big"
check "explain: a 1 MB line is not recognized, no crash" 1 sh -c '"$0" explain <"$1"' "$MODORI" "$tmp/big"

# A delay notice is not a failure: summary counts it apart, suppress never lists it.
delays="testdata/dsn/sendmail-delayed-expired.eml testdata/postfix/flattened-delayed.eml"
# shellcheck disable=SC2086
check "summary of delay notices only exits 0" 0 "$MODORI" summary --format=json $delays
grep -q '"bounces": 0,' "$tmp/out" && grep -q '"delayed": 2,' "$tmp/out"; ok $? "summary counts delay notices apart from failures"
# shellcheck disable=SC2086
check "summary text of delay notices" 0 "$MODORI" summary --lang=en $delays
grep -q "^Failed recipients: 0" "$tmp/out" && grep -q "^Still being retried .*: 2" "$tmp/out"; ok $? "summary text names the delay notices"
# shellcheck disable=SC2086
"$MODORI" suppress --reasons=expired $delays "$sample" >"$tmp/out" 2>"$tmp/err"
[ ! -s "$tmp/out" ]; ok $? "suppress never lists a delay notice"

for args in tests/golden/*.args; do
  name=$(basename "$args" .args)
  # shellcheck disable=SC2046
  env -u COLUMNS "$MODORI" $(cat "$args") >"$tmp/golden.out" 2>&1 </dev/null
  if diff -u "tests/golden/$name.out" "$tmp/golden.out" >"$tmp/diff"; then
    ok 0 "golden output $name"
  else
    sed 's/^/# /' "$tmp/diff"
    ok 1 "golden output $name"
  fi
done

echo "1..$n"
[ "$fails" = 0 ]
