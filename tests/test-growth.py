"""Work grows with the input, not faster (issue 13).

For each hostile shape of tests/hostile_shapes.py, built at scales 1, 2
and 5, the instructions `modori -j 1` executes for it are counted by
valgrind's callgrind (counts are the same on every run, unlike time). The
work added from scale 1 to 5 must be less than 6 times that added from 1
to 2, for 4 times the input: linear work gives 4, a quadratic loop 8.
Each run analyzes many files, one dump of counts before each analysis
(--dump-before), so that valgrind starts twice, not once per file.
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
# input the analysis ignores): such a case passes.
FLOOR = 2000000


def count_batch(modori, warmup, files, whole=False):
    """Instructions spent on each of @files (one message each), read from
    one callgrind run that first analyzes @warmup (the one-time setup).
    With @whole, the one file of @files is an mbox: its messages' sum."""
    with tempfile.TemporaryDirectory() as dumps:
        base = os.path.join(dumps, "out")
        command = ["valgrind", "--tool=callgrind", "--dump-before=modori_analyzer_analyze_data",
                   "--callgrind-out-file=" + base, modori, "-j", "1", "-f", "jsonl",
                   "--delivered", "--vacation", warmup] + files
        run = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        totals = []
        # out.1: start-up; out.2: the warm-up; out.3 ...: each file before
        # the next analysis; out: the last file.
        names = sorted((p for p in glob.glob(base + ".*")), key=lambda p: int(p.rsplit(".", 1)[1]))
        for path in names[2:] + [base]:
            with open(path, encoding="latin-1") as f:
                found = re.search(r"^totals: (\d+)", f.read(), re.M)
            totals.append(int(found.group(1)) if found else 0)
    if whole:
        return [sum(totals)]
    if len(totals) != len(files):
        raise RuntimeError("%d counts for %d files: %s" % (len(totals), len(files),
                                                          run.stderr.decode("utf-8", "replace")[-300:]))
    return totals


def is_mbox(path):
    with open(path, "rb") as f:
        return f.read(5) == b"From "


def count_explain(modori, text):
    """Instructions of `modori explain` on @text, less its start-up."""
    with tempfile.TemporaryDirectory() as dumps:
        base = os.path.join(dumps, "out")
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=modori_explain",
                        "--callgrind-out-file=" + base, modori, "explain", "-f", "json", "-"],
                       input=text.encode("utf-8"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(base, encoding="latin-1") as f:
            return int(re.search(r"^totals: (\d+)", f.read(), re.M).group(1))


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

    workdir = tempfile.mkdtemp(prefix="modori-growth-")
    try:
        files = []
        for number, (name, build) in enumerate(cases):
            for scale in SCALES:
                path = os.path.join(workdir, "%03d-%d.eml" % (number, scale))
                with open(path, "w", encoding="latin-1", errors="replace") as f:
                    f.write(build(scale * SCALE))
                files.append(path)
        # An mbox (a file starting "From ") holds many messages: counted
        # in a run of its own; the others, one message each, in batches.
        mboxes = [path for path in files if is_mbox(path)]
        singles = [path for path in files if not is_mbox(path)]
        warmup = singles[0]
        jobs = max(os.cpu_count() or 2, 1)
        batches = [singles[i::jobs] for i in range(jobs)] + [[path] for path in mboxes]
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            counted = list(pool.map(lambda batch: count_batch(modori, warmup, batch, batch[0] in mboxes), batches))
            explained = list(pool.map(lambda item: [count_explain(modori, item[1](scale * SCALE))
                                                    for scale in SCALES], explains))
        work = {}
        for batch, totals in zip(batches, counted):
            work.update(zip(batch, totals))
        results = [(name, [work[os.path.join(workdir, "%03d-%d.eml" % (number, scale))] for scale in SCALES])
                   for number, (name, _) in enumerate(cases)]
        results += [(name, counts) for (name, _), counts in zip(explains, explained)]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

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
