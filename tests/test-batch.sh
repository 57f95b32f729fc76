#!/bin/sh
# Batch scanning: the same samples as .eml files, one mbox, a Maildir, a
# gzip'd and an xz'd mbox, and through standard input give the same
# records; -j N prints what -j 1 prints; errors name the message; summary
# and suppress. Run from the source root with the modori binary as $1,
# and MODORI_WORKERS set to threads or processes: -j N takes those.
MODORI="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fails=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fails=$((fails + 1)); fi
}

# Records without their origin, which says where each was found.
records () {
  sed 's/"origin":"[^"]*",\{0,1\}//' "$1"
}

ls testdata/*/*.eml | LC_ALL=C sort >"$tmp/list"
mkdir -p "$tmp/Maildir/cur" "$tmp/Maildir/new" "$tmp/Maildir/tmp"
i=0
while read -r f; do
  i=$((i + 1))
  echo "From MAILER-DAEMON Tue Mar  5 10:22:31 2024"
  sed 's/^\(>*From \)/>\1/' "$f"     # mboxrd quoting
  echo
  cp "$f" "$tmp/Maildir/cur/$(printf '%05d' $i).host:2,S"
done <"$tmp/list" >"$tmp/all.mbox"
cp testdata/dsn/postfix-userunknown.eml "$tmp/Maildir/tmp/partial"   # skipped
gzip -c "$tmp/all.mbox" >"$tmp/all.mbox.gz"
xz -c "$tmp/all.mbox" >"$tmp/all.mbox.xz" 2>/dev/null || cp "$tmp/all.mbox.gz" "$tmp/all.mbox.xz"

# shellcheck disable=SC2046
"$MODORI" -j 1 --format=jsonl $(cat "$tmp/list") >"$tmp/eml.jsonl"
[ -s "$tmp/eml.jsonl" ]; ok $? "the samples give records"
for input in all.mbox all.mbox.gz all.mbox.xz Maildir; do
  "$MODORI" -j 1 --format=jsonl "$tmp/$input" >"$tmp/$input.jsonl" 2>"$tmp/err"
  [ "$(records "$tmp/eml.jsonl")" = "$(records "$tmp/$input.jsonl")" ]; ok $? "$input gives the records of the .eml files"
done
"$MODORI" -j 1 --format=jsonl - <"$tmp/all.mbox.gz" >"$tmp/stdin.jsonl"
[ "$(records "$tmp/eml.jsonl")" = "$(records "$tmp/stdin.jsonl")" ]; ok $? "a gzip'd mbox on standard input too"
grep -q '"origin":"-#3"' "$tmp/stdin.jsonl"; ok $? "standard input's messages are numbered"
grep -q "\"origin\":\"$tmp/all.mbox#1\"" "$tmp/all.mbox.jsonl"; ok $? "mbox origins are PATH#N"

for j in 2 4 7; do
  "$MODORI" -j $j --format=jsonl "$tmp/all.mbox" "$tmp/Maildir" >"$tmp/j$j.jsonl"
  "$MODORI" -j 1 --format=jsonl "$tmp/all.mbox" "$tmp/Maildir" >"$tmp/j1.jsonl"
  cmp -s "$tmp/j1.jsonl" "$tmp/j$j.jsonl"; ok $? "-j $j output is byte-identical to -j 1"
done
# Standard input cannot be read twice: -j 2 takes worker threads there.
"$MODORI" -j 2 --format=jsonl - <"$tmp/all.mbox" >"$tmp/stdin-j2.jsonl"
"$MODORI" -j 1 --format=jsonl - <"$tmp/all.mbox" >"$tmp/stdin-j1.jsonl"
cmp -s "$tmp/stdin-j1.jsonl" "$tmp/stdin-j2.jsonl"; ok $? "-j 2 on standard input (threads) is byte-identical to -j 1"
# Text and JSON arrays keep state between messages: threads too.
"$MODORI" -j 2 --lang=en "$tmp/all.mbox" >"$tmp/j2.txt"
"$MODORI" -j 1 --lang=en "$tmp/all.mbox" >"$tmp/j1.txt"
cmp -s "$tmp/j1.txt" "$tmp/j2.txt" && [ -s "$tmp/j1.txt" ]; ok $? "-j 2 text output is byte-identical to -j 1"
"$MODORI" -j 2 --format=json "$tmp/all.mbox" >"$tmp/j2.json"
"$MODORI" -j 1 --format=json "$tmp/all.mbox" >"$tmp/j1.json"
cmp -s "$tmp/j1.json" "$tmp/j2.json"; ok $? "-j 2 JSON array is byte-identical to -j 1"
# More workers than messages.
"$MODORI" -j 5 --format=jsonl testdata/dsn/postfix-userunknown.eml >"$tmp/one-j5.jsonl"
"$MODORI" -j 1 --format=jsonl testdata/dsn/postfix-userunknown.eml >"$tmp/one-j1.jsonl"
cmp -s "$tmp/one-j1.jsonl" "$tmp/one-j5.jsonl" && [ -s "$tmp/one-j1.jsonl" ]; ok $? "-j 5 on one message is the same as -j 1"
"$MODORI" -j 3 --format=csv "$tmp/all.mbox" >"$tmp/j3.csv"
"$MODORI" -j 1 --format=csv "$tmp/all.mbox" >"$tmp/j1.csv"
cmp -s "$tmp/j1.csv" "$tmp/j3.csv"; ok $? "-j 3 csv is byte-identical to -j 1"
head -n 1 "$tmp/j1.csv" | grep -q '^recipient,'; ok $? "csv starts with a header line"
[ "$(($(wc -l <"$tmp/j1.csv") - 1))" = "$(wc -l <"$tmp/eml.jsonl")" ]; ok $? "csv has one row per record"

# A message that is no mail, in the middle of an mbox.
{ echo "From x Tue Mar  5 10:22:31 2024"; cat testdata/dsn/postfix-userunknown.eml; echo
  echo "From x Tue Mar  5 10:22:32 2024"; echo; echo "no header at all"; echo
  echo "From x Tue Mar  5 10:22:33 2024"; cat testdata/dsn/sendmail-userunknown.eml; } >"$tmp/bad.mbox"
offset=$(grep -b '^From x Tue Mar  5 10:22:32' "$tmp/bad.mbox" | cut -d: -f1)
"$MODORI" -j 2 --format=jsonl "$tmp/bad.mbox" >"$tmp/out" 2>"$tmp/err"
[ $? = 2 ]; ok $? "a bad message exits 2"
grep -q "^modori: $tmp/bad.mbox: message 2 at byte $offset: not a mail message" "$tmp/err"; ok $? "the bad message is named by file, number and byte offset"
grep -q "bad.mbox#3" "$tmp/out"; ok $? "the scan goes on after it"
head -c 2000 "$tmp/all.mbox.gz" >"$tmp/cut.mbox.gz"
"$MODORI" -j 2 --format=jsonl "$tmp/cut.mbox.gz" "$tmp/all.mbox" >"$tmp/out" 2>"$tmp/err"
[ $? = 2 ]; ok $? "a truncated gzip file exits 2"
grep -q "^modori: $tmp/cut.mbox.gz: message [0-9]* at byte [0-9]*: truncated gzip data" "$tmp/err"; ok $? "the truncated gzip file is named with the message"
grep -q "all.mbox#1\"" "$tmp/out"; ok $? "the next input is still read"

# A worker process that dies is reported, and the exit status says so.
if [ "$MODORI_WORKERS" = processes ]; then
children_of () {
  # "PID (NAME) STATE PPID ...": the fields after the name's ")".
  awk -v parent="$1" '{ at = match($0, /\) [A-Za-z] /)
                        if (at) { split(substr($0, at + 4), rest, " "); if (rest[1] == parent) print $1 } }' \
      /proc/[0-9]*/stat 2>/dev/null
}
for k in $(seq 60); do cat "$tmp/all.mbox"; done >"$tmp/big.mbox"
"$MODORI" -j 2 --format=jsonl "$tmp/big.mbox" >"$tmp/out" 2>"$tmp/err" &
scan=$!
tries=0
while [ -z "$(children_of $scan)" ] && [ $tries -lt 200 ]; do sleep 0.05; tries=$((tries + 1)); done
victim=$(children_of $scan | head -n 1)
[ -n "$victim" ] && kill -9 "$victim"
wait $scan
[ $? = 2 ]; ok $? "a worker process that dies makes the exit status 2"
grep -q "^modori: a worker process failed at message [0-9]* of the inputs" "$tmp/err"; ok $? "the dead worker is reported with the message number"
else
  for k in $(seq 60); do cat "$tmp/all.mbox"; done >"$tmp/big.mbox"
fi
MODORI_WORKERS=fibers "$MODORI" -j 2 --format=jsonl "$tmp/all.mbox" >"$tmp/out" 2>"$tmp/err"
"$MODORI" -j 1 --format=jsonl "$tmp/all.mbox" >"$tmp/all-j1.jsonl"
[ "$(cat "$tmp/err")" = "modori: warning: MODORI_WORKERS is neither 'threads' nor 'processes'; ignored" ] &&
  cmp -s "$tmp/all-j1.jsonl" "$tmp/out"; ok $? "an unknown MODORI_WORKERS is named and ignored"
# Many times the workers' window of results, in more runs than workers.
"$MODORI" -j 3 --format=jsonl "$tmp/big.mbox" >"$tmp/big-j3.jsonl"
"$MODORI" -j 1 --format=jsonl "$tmp/big.mbox" >"$tmp/big-j1.jsonl"
cmp -s "$tmp/big-j1.jsonl" "$tmp/big-j3.jsonl" && [ -s "$tmp/big-j1.jsonl" ]; ok $? "-j 3 on $(grep -c '^From ' "$tmp/big.mbox") messages is byte-identical to -j 1"

"$MODORI" -j 1 --format=jsonl --quiet "$tmp/all.mbox" >"$tmp/out" 2>"$tmp/err"
[ ! -s "$tmp/err" ]; ok $? "no progress line when stderr is not a terminal"
# On a terminal (script(1) gives one): bytes of total, messages, rate.
if command -v script >/dev/null 2>&1; then
  for j in 1 2; do
    script -qec "\"$MODORI\" -j $j --format=jsonl \"$tmp/big.mbox\" >/dev/null" /dev/null >"$tmp/tty" 2>&1
    grep -q "B / .*B  [0-9]* messages  [0-9]* msg/s" "$tmp/tty"; ok $? "-j $j draws a progress line on a terminal"
  done
  script -qec "\"$MODORI\" -j 2 --quiet --format=jsonl \"$tmp/big.mbox\" >/dev/null" /dev/null >"$tmp/tty" 2>&1
  ! grep -q "msg/s" "$tmp/tty"; ok $? "--quiet silences it"
  # Records on the same terminal would be mixed into the line: none then.
  script -qec "\"$MODORI\" -j 2 --format=jsonl \"$tmp/big.mbox\"" /dev/null >"$tmp/tty" 2>&1
  ! grep -q "msg/s" "$tmp/tty" && grep -q '"recipient"' "$tmp/tty"; ok $? "no progress line when the records go to the same terminal"
fi

# Output that cannot be written: a closed pipe ends modori (SIGPIPE, not
# ignored after GMime's init), a full disk is an error.
{ "$MODORI" -j 2 --format=jsonl "$tmp/big.mbox" 2>/dev/null; echo $? >"$tmp/rc"; } | head -c 1 >/dev/null
[ "$(cat "$tmp/rc")" = 141 ]; ok $? "a closed pipe ends the scan by SIGPIPE"
if [ -w /dev/full ]; then
  "$MODORI" -j 2 --format=jsonl "$tmp/all.mbox" >/dev/full 2>"$tmp/err"
  [ $? = 2 ] && grep -q "^modori: cannot write the output: " "$tmp/err"; ok $? "a full disk is reported and exits 2"
  "$MODORI" summary "$tmp/all.mbox" >/dev/full 2>"$tmp/err"
  [ $? = 2 ] && grep -q "^modori: cannot write the output: " "$tmp/err"; ok $? "summary too"
fi

# summary
"$MODORI" summary -j 2 --format=json "$tmp/all.mbox" >"$tmp/summary.json"
[ $? = 0 ]; ok $? "summary exits 0"
# Only failures of a named recipient are bounces; delay notices, feedback
# reports, automatic replies, delivery notices and failures that name no
# recipient are counted apart (the records' own fields say which).
kinds () {  # kinds JSONL: one word per record, as the records say
  python3 -c '
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["action"] == "delayed": k = "delayed"
    elif r["reason"] == "delivered" or r["action"] in ("delivered", "relayed", "expanded"): k = "delivered"
    elif r["reason"] == "feedback" or r["feedbacktype"]: k = "feedback"
    elif r["reason"] == "vacation": k = "autoreply"
    elif not r["recipient"]: k = "unnamed"
    else: k = "failed"
    print(k, r["reason"], str(r["hardbounce"]).lower(), r["alias"] if "@" in r["alias"][1:-1] else r["recipient"])' "$1"
}
kinds "$tmp/eml.jsonl" >"$tmp/kinds"
grep '^failed ' "$tmp/kinds" >"$tmp/failed"
total=$(wc -l <"$tmp/failed")
delayed=$(grep -c '^delayed ' "$tmp/kinds")
feedback=$(grep -c '^feedback ' "$tmp/kinds")
[ "$feedback" -gt 0 ] && [ "$delayed" -gt 0 ]; ok $? "the samples hold delay notices and feedback reports"
grep -q "\"bounces\": $total," "$tmp/summary.json"; ok $? "summary counts every failed record ($total)"
grep -q "\"delayed\": $delayed," "$tmp/summary.json"; ok $? "summary counts the delay notices apart ($delayed)"
grep -q "\"feedback\": $feedback," "$tmp/summary.json"; ok $? "summary counts the feedback reports apart ($feedback)"
hard=$(grep -c '^failed [a-z]* true ' "$tmp/failed")
grep -q "\"hard\": $hard," "$tmp/summary.json"; ok $? "summary counts the hard bounces ($hard)"
unknown=$(grep -c '^failed userunknown ' "$tmp/failed")
grep -q "{\"name\": \"userunknown\", \"count\": $unknown}" "$tmp/summary.json"; ok $? "summary counts by reason"
"$MODORI" summary --format=json testdata/rfc3834/auto-replied.eml testdata/dsn/postfix-delivered.eml >"$tmp/apart.json"
grep -q '"autoreplies": 1,' "$tmp/apart.json" && grep -q '"delivered": 1,' "$tmp/apart.json" &&
  grep -q '"bounces": 0,' "$tmp/apart.json"; ok $? "summary counts an automatic reply and a delivery notice apart, not as bounces"
"$MODORI" summary -j 1 --format=json "$tmp/Maildir" >"$tmp/summary1.json"
cmp -s "$tmp/summary.json" "$tmp/summary1.json"; ok $? "summary of the Maildir with -j 1 is the same"
"$MODORI" summary -j 2 --format=json - <"$tmp/all.mbox" >"$tmp/summary-stdin.json"
cmp -s "$tmp/summary.json" "$tmp/summary-stdin.json"; ok $? "summary of standard input with -j 2 (threads) is the same"
"$MODORI" summary --lang=ja "$tmp/all.mbox" >"$tmp/summary.txt"
grep -q "^届かなかった宛先: $total" "$tmp/summary.txt"; ok $? "summary in Japanese with --lang=ja"
"$MODORI" summary --lang=en "$tmp/all.mbox" >"$tmp/summary.txt"
grep -q "^Failed recipients: $total" "$tmp/summary.txt"; ok $? "summary in English with --lang=en"

# suppress
"$MODORI" suppress -j 3 "$tmp/all.mbox" >"$tmp/suppress.txt"
[ $? = 0 ]; ok $? "suppress exits 0"
# The address the sender typed: a forwarding bounce's alias.
want=$(grep '^failed [a-z]* true ' "$tmp/kinds" | cut -d' ' -f4- |
       awk -F@ '{ printf "%s@%s\n", substr($0, 1, length($0) - length($NF) - 1), tolower($NF) }' | LC_ALL=C sort -u)
[ "$(cat "$tmp/suppress.txt")" = "$want" ]; ok $? "suppress lists each hard-bounced address once, domain lower-cased"
"$MODORI" suppress -j 1 --format=csv "$tmp/all.mbox" >"$tmp/suppress1.csv"
"$MODORI" suppress -j 2 --format=csv "$tmp/all.mbox" "$tmp/Maildir" >"$tmp/suppress2.csv"
cmp -s "$tmp/suppress1.csv" "$tmp/suppress2.csv"; ok $? "suppress csv with -j 2 is the same as -j 1"
"$MODORI" suppress --format=csv --reasons=mailboxfull "$tmp/all.mbox" >"$tmp/suppress.csv"
head -n 1 "$tmp/suppress.csv" | grep -q '^address,reason,date$'; ok $? "suppress csv has a header"
[ "$(tail -n +2 "$tmp/suppress.csv" | cut -d, -f2 | sort -u)" = mailboxfull ]; ok $? "--reasons chooses which reasons count"
"$MODORI" suppress --reasons=nosuchreason "$tmp/all.mbox" >/dev/null 2>&1
[ $? = 2 ]; ok $? "an unknown reason is a usage error"

# A message over the limit of 64 MiB (one line, no line end) in an mbox:
# reported once, whichever worker reads it; the next one is analyzed.
{ echo "From x Tue Mar  5 10:22:31 2024"; cat testdata/dsn/postfix-userunknown.eml; echo
  echo "From x Tue Mar  5 10:22:32 2024"; echo "Subject: big"; echo
  head -c 68157440 /dev/zero | tr '\0' 'x'; echo; echo
  echo "From x Tue Mar  5 10:22:33 2024"; cat testdata/dsn/sendmail-userunknown.eml; } >"$tmp/oversized.mbox"
offset=$(grep -b '^From x Tue Mar  5 10:22:32' "$tmp/oversized.mbox" | cut -d: -f1)
for j in 1 2; do
  "$MODORI" -j $j --format=jsonl "$tmp/oversized.mbox" >"$tmp/oversized-j$j.jsonl" 2>"$tmp/oversized-j$j.err"
  [ $? = 2 ]; ok $? "-j $j: an oversized message exits 2"
done
[ "$(cat "$tmp/oversized-j2.err")" = "modori: $tmp/oversized.mbox: message 2 at byte $offset: larger than 64 MiB, the limit for one message: skipped" ]
ok $? "the oversized message is named once, with its number, offset and the limit"
cmp -s "$tmp/oversized-j1.jsonl" "$tmp/oversized-j2.jsonl" && grep -q "oversized.mbox#3" "$tmp/oversized-j1.jsonl"
ok $? "the message after it is analyzed, -j 2 as -j 1"

echo "1..$n"
[ "$fails" = 0 ]
