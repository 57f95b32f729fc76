"""Work grows with the input, not faster (issue 13).

For each hostile shape of tests/hostile_shapes.py, built at scales 1, 2
and 5, the instructions `modori -j 1` executes for it are counted by
valgrind's callgrind (counts are the same on every run, unlike time). The
work added from scale 1 to 5 must be less than 6 times that added from 1
to 2, for 4 times the input: linear work gives 4, a quadratic loop 8.
Each run reads many files, one dump of counts before each message is
read (--dump-before), so that valgrind starts once per core, not once
per file.
Skipped without valgrind; not run in sanitized builds (valgrind cannot
run them).

usage: test-growth.py MODORI TESTDATA
"""
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_shapes  # noqa: E402

# Scale 1 adds some 10 KB (150 recipients), scale 5 some 50 KB: enough
# for a loop over the records or lines of each to show, and under a
# minute of valgrind on two cores. Lines stay under the 64 KiB header
# field limit, past which another path is taken.
SCALE = 150
SCALES = (1, 2, 5)
LIMIT = 6.0
# Work added below this many instructions is too little to weigh (an
# input the analysis mostly ignores): such a case passes.
FLOOR = 2000000


def count_batch(modori, warmup, files, whole=False):
    """Instructions spent on each of @files (one message each: its reading,
    analysis and output), read from one callgrind run that first reads
    @warmup (the one-time setup). With @whole, the one file of @files is
    an mbox: the sum over its messages."""
    with tempfile.TemporaryDirectory() as dumps:
        base = os.path.join(dumps, "out")
        # A dump before each message is read: each holds one message's
        # reading, analysis and output.
        command = ["valgrind", "--tool=callgrind", "--dump-before=modori_source_next",
                   "--callgrind-out-file=" + base, modori, "-j", "1", "-f", "jsonl",
                   "--delivered", "--vacation", warmup] + files
        run = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=ENV)
        totals = []
        # out.1: start-up; out.2: the warm-up; out.3 ...: each message
        # (up to the call that reads the next); out: the last call, exit.
        names = sorted(glob.glob(base + ".*"), key=lambda p: int(p.rsplit(".", 1)[1]))
        for path in names[2:]:
            with open(path, encoding="latin-1") as f:
                found = re.search(r"^totals: (\d+)", f.read(), re.M)
            totals.append(int(found.group(1)) if found else 0)
    if whole:
        return [sum(totals)]
    if len(totals) != len(files):
        raise RuntimeError("%d counts for %d files: %s" % (len(totals), len(files),
                                                          run.stderr.decode("utf-8", "replace")[-300:]))
    return totals


# meson sets MALLOC_PERTURB_, which makes glibc fill every block it
# hands out: its instructions would be counted as modori's.
ENV = {k: v for k, v in os.environ.items() if k != "MALLOC_PERTURB_"}


def is_mbox(path):
    with open(path, "rb") as f:
        return f.read(5) == b"From "


def count_explain(modori, text):
    """Instructions of `modori explain` on @text, less its start-up."""
    with tempfile.TemporaryDirectory() as dumps:
        base = os.path.join(dumps, "out")
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=modori_explain",
                        "--callgrind-out-file=" + base, modori, "explain", "-f", "json", "-"],
                       input=text.encode("utf-8"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        with open(base, encoding="latin-1") as f:
            return int(re.search(r"^totals: (\d+)", f.read(), re.M).group(1))


def measure(modori, cases, explains, base):
    """(name, counts at SCALES) for each of @cases, then of @explains,
    scale 1 being @base."""
    workdir = tempfile.mkdtemp(prefix="modori-growth-")
    try:
        files = []
        for number, (name, build) in enumerate(cases):
            for scale in SCALES:
                path = os.path.join(workdir, "%03d-%d.eml" % (number, scale))
                with open(path, "w", encoding="latin-1", errors="replace") as f:
                    f.write(build(scale * base))
                files.append(path)
        # An mbox (a file starting "From ") holds many messages: counted
        # in a run of its own; the others, one message each, in batches.
        mboxes = [path for path in files if is_mbox(path)]
        singles = [path for path in files if not is_mbox(path)]
        jobs = max(os.cpu_count() or 2, 1)
        batches = [batch for batch in ([singles[i::jobs] for i in range(jobs)] + [[path] for path in mboxes])
                   if batch]
        # A warm-up file first in every run: the one-time setup is its.
        warmup = os.path.join(workdir, "warmup.eml")
        with open(warmup, "w", encoding="latin-1") as f:
            f.write(hostile_shapes.dsn_long_diagnostic(1))
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            counted = list(pool.map(lambda batch: count_batch(modori, warmup, batch, batch[0] in mboxes), batches))
            explained = list(pool.map(lambda item: [count_explain(modori, item[1](scale * base))
                                                    for scale in SCALES], explains))
        work = {}
        for batch, totals in zip(batches, counted):
            work.update(zip(batch, totals))
        results = [(name, [work[os.path.join(workdir, "%03d-%d.eml" % (number, scale))] for scale in SCALES])
                   for number, (name, _) in enumerate(cases)]
        return results + [(name, counts) for (name, _), counts in zip(explains, explained)]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    modori, testdata = sys.argv[1], sys.argv[2]
    if shutil.which("valgrind") is None:
        print("1..0 # SKIP valgrind not found")
        return 0

    cases = []   # (name, builder)
    for template in hostile_shapes.templates(testdata):
        for shape, build in hostile_shapes.ENGINE_SHAPES.items():
            cases.append(("%s/%s" % (template[0], shape), (lambda t, b: lambda k: b(t, k))(template, build)))
    for shape, build in hostile_shapes.SHAPES.items():
        cases.append((shape, build))
    explains = list(hostile_shapes.EXPLAIN_SHAPES.items())

    results = measure(modori, cases, explains, SCALE)

    print("1..%d" % len(results))
    failed = 0
    for number, (name, (w1, w2, w5)) in enumerate(results, 1):
        added, more = w2 - w1, w5 - w1
        ratio = more / added if added > 0 else float("inf")
        ok = more < FLOOR or ratio < LIMIT
        failed += not ok
        print("%s %d - %s: 4 times the input added, %.2f times the work (%d, %d, %d instructions)"
              % ("ok" if ok else "not ok", number, name, ratio, w1, w2, w5))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
