"""Hostile inputs that grow: the shapes that once made work or memory grow
faster than the input (issue 13), built at any scale.

Used by tests/test-growth.py (work at 1x and 4x) and bench/growth (time and
peak memory at 1x, 2x, 4x). A shape is built from one of testdata's
samples per mail system (its recipient's line repeated, a long line added)
or from scratch. Scale k is about k * 64 bytes of added input.
"""
import glob
import json
import os

WORDS = "reason words here "


def _read(path):
    with open(path, "rb") as f:
        return f.read().decode("latin-1")


def templates(testdata):
    """One sample per engine: (engine, text, recipient, first, end), where
    lines[first:end] is the body's first mention of the recipient and its
    indented continuation lines."""
    seen = {}
    for expected in sorted(glob.glob(os.path.join(testdata, "*", "*.expected.json"))):
        with open(expected, encoding="utf-8") as f:
            records = json.load(f)
        if not records:
            continue
        engine = records[0]["decodedby"]
        address = records[0]["recipient"]
        diagnostic = records[0].get("diagnosticcode", "")
        if engine in seen or not address:
            continue
        text = _read(expected.replace(".expected.json", ".eml"))
        lines = text.split("\n")
        in_body = False
        first = None
        for i, line in enumerate(lines):
            if not in_body:
                in_body = line.strip() == ""
                continue
            if address in line:
                first = i
                break
        if first is None:
            continue
        end = first + 1
        while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].strip():
            end += 1
        # The line where the diagnostic starts, outside the recipient's.
        said = None
        if len(diagnostic) >= 12:
            for i in range(first, len(lines)):
                if not (first <= i < end) and diagnostic[:12] in lines[i]:
                    said = i
                    break
        seen[engine] = (engine, text, address, first, end, said)
    return [seen[k] for k in sorted(seen)]


def _insert(template, added):
    engine, text, address, first, end, said = template
    if not any(added):
        return text   # scale 0: the sample as it is
    lines = text.split("\n")
    return "\n".join(lines[:end] + added + lines[end:])


def _recipient_lines(template, k):
    engine, text, address, first, end, said = template
    block = text.split("\n")[first:end]
    added = []
    for i in range(k):
        added.extend(line.replace(address, "u%dx@example.com" % i) for line in block)
    return added


def engine_recipients(template, k):
    """The recipient's lines repeated for k more recipients."""
    return _insert(template, _recipient_lines(template, k))


def engine_long_line(template, k):
    """A line of k * 64 bytes of words after the recipient's."""
    return _insert(template, ["    " + WORDS * (k * 64 // len(WORDS))])


def engine_shared(template, k):
    """k more recipients and a k * 64-byte line they may all share."""
    return _insert(template, _recipient_lines(template, k) + ["    " + WORDS * (k * 64 // len(WORDS))])


def engine_shared_diagnostic(template, k):
    """k more recipients, and the line where the sample's diagnostic is
    made k * 64 bytes longer: the text a format gives all its recipients
    (a transcript, a reason paragraph). As engine_shared when the sample
    has no such line of its own."""
    engine, text, address, first, end, said = template
    if said is None or k == 0:
        return engine_shared(template, k)
    lines = text.split("\n")
    lines[said] += " " + WORDS * (k * 64 // len(WORDS))
    return _insert((engine, "\n".join(lines), address, first, end, said), _recipient_lines(template, k))


def engine_brackets(template, k):
    """A line of k * 64 '<' (address scans once searched for '>' from each)."""
    return _insert(template, ["<" * (k * 64)])


ENGINE_SHAPES = {
    "recipients": engine_recipients,
    "long-line": engine_long_line,
    "shared": engine_shared,
    "shared-diagnostic": engine_shared_diagnostic,
    "brackets": engine_brackets,
}


def _dsn(per_message, groups, original_headers):
    return ("From: MAILER-DAEMON@example.com\nTo: sender@example.org\n"
            "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
            "--B\nContent-Type: text/plain\n\nDelivery failed.\n\n"
            "--B\nContent-Type: message/delivery-status\n\n"
            + per_message + "\n" + groups +
            "--B\nContent-Type: text/rfc822-headers\n\n" + original_headers + "\n--B--\n")


def dsn_shared_fields(k):
    """k recipients sharing a long Reporting-MTA and original's From,
    Subject, Message-ID (each k * 16 bytes): fields copied per record."""
    n = k * 16
    groups = "".join("Final-Recipient: rfc822; u%d@example.com\nAction: failed\nStatus: 5.1.1\n\n" % i
                     for i in range(k))
    return _dsn("Reporting-MTA: dns; mx%s.example.com\n" % ("x" * n), groups,
                "From: sender%s@example.org\nSubject: %s\nMessage-ID: <%s@example.org>\n"
                % ("y" * n, "s" * n, "z" * n))


def dsn_long_diagnostic(k):
    """One recipient whose Diagnostic-Code runs k * 64 bytes of folded lines."""
    folded = "".join("\n " + WORDS * 3 for _ in range(k))
    return _dsn("Reporting-MTA: dns; mx.example.com\n",
                "Final-Recipient: rfc822; u@example.com\nAction: failed\nStatus: 5.1.1\n"
                "Diagnostic-Code: smtp; 550 5.1.1 unknown" + folded + "\n\n",
                "From: sender@example.org\nSubject: hello\n")


def header_line(k):
    """A bounce whose Subject is one line of k * 64 bytes."""
    text = dsn_long_diagnostic(1)
    return text.replace("Subject: Undelivered", "Subject: " + "x" * (k * 64) + " Undelivered", 1)


def header_fields(k):
    """A bounce with k * 4 short header fields."""
    fields = "".join("X-F%d: v\n" % i for i in range(k * 4))
    return fields + dsn_long_diagnostic(1)


def mbox(k):
    """An mbox of k / 4 bounces."""
    one = "From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n" + dsn_long_diagnostic(1) + "\n"
    return one * max(k // 4, 1)


SHAPES = {
    "dsn-shared-fields": dsn_shared_fields,
    "dsn-long-diagnostic": dsn_long_diagnostic,
    "header-line": header_line,
    "header-fields": header_fields,
    "mbox": mbox,
}

# Texts for `modori explain` (read on standard input).
EXPLAIN_SHAPES = {
    "explain-brackets": lambda k: "<" * (k * 64),
    "explain-words": lambda k: "550 5.1.1 " + WORDS * (k * 64 // len(WORDS)),
    "explain-addresses": lambda k: "550 " + " ".join("<u%d@example.com>" % i for i in range(k * 3)),
}
