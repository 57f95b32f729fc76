#!/usr/bin/env python3
# test-gi.py: the library through GObject introspection (PyGObject), as a
# Python user calls it: analyze a bounce, read every record field by its
# typed getter and by name, explain a text, walk a source.
# Run by meson with GI_TYPELIB_PATH and LD_LIBRARY_PATH at the build's lib/,
# from the source root.
import json
import os
import sys

import gi

gi.require_version("GLib", "2.0")
gi.require_version("GObject", "2.0")
gi.require_version("GMime", "3.0")
gi.require_version("Modori", "0")
from gi.repository import GLib, GMime, GObject, Modori  # noqa: E402

SAMPLE = "testdata/dsn/postfix-userunknown.eml"
n = 0
failed = 0


def check(ok, what, detail=""):
    global n, failed
    n += 1
    if ok:
        print("ok %d - %s" % (n, what))
    else:
        failed += 1
        print("not ok %d - %s" % (n, what))
        for line in str(detail).splitlines():
            print("# " + line)


# The typed getter of each field, by the field's name.
GETTERS = {
    "recipient": "get_recipient",
    "addresser": "get_addresser",
    "senderdomain": "get_sender_domain",
    "destination": "get_destination",
    "alias": "get_alias",
    "action": "get_action",
    "deliverystatus": "get_delivery_status",
    "replycode": "get_reply_code",
    "diagnosticcode": "get_diagnostic_code",
    "diagnostictype": "get_diagnostic_type",
    "command": "get_command",
    "rhost": "get_rhost",
    "lhost": "get_lhost",
    "reason": "get_reason",
    "hardbounce": "get_hard_bounce",
    "hint": "get_hint",
    "suggestion": "get_suggestion",
    "reasonby": "get_reason_by",
    "feedbacktype": "get_feedback_type",
    "messageid": "get_message_id",
    "subject": "get_subject",
    "timestamp": "get_timestamp",
    "decodedby": "get_decoded_by",
    "origin": "get_origin",
}


def typed(record, name):
    value = getattr(record, GETTERS[name])()
    if name == "reason":
        return Modori.Reason.to_string(value)
    return value


def check_record(record, expected, origin, how):
    names = list(Modori.Record.field_names())
    check(names == list(expected.keys()),
          how + ": the field names are those of the JSON output, in order",
          "%r\n%r" % (names, list(expected.keys())))
    check(set(names) == set(GETTERS), how + ": every field has a typed getter",
          set(names) ^ set(GETTERS))
    wrong = []
    for name in names:
        want = expected[name]
        if name == "origin":
            want = origin
        by_name = record.get_field(name)
        by_getter = typed(record, name)
        if name == "hardbounce":
            ok = by_getter is want and by_name == ("true" if want else "false")
        else:
            ok = by_getter == want and by_name == want
        if not ok:
            wrong.append("%s: getter %r, by name %r, want %r" % (name, by_getter, by_name, want))
    check(not wrong, how + ": every field, typed and by name, as expected", "\n".join(wrong))
    check(record.get_field("no-such-field") is None, how + ": an unknown field name gives None")


with open(SAMPLE.replace(".eml", ".expected.json"), encoding="utf-8") as f:
    expected = json.load(f)[0]

# The values this test is about, whatever the expected file says.
check(expected["recipient"] == "taro@example.jp" and expected["reason"] == "userunknown"
      and expected["deliverystatus"] == "5.1.1", "the sample's expected record is the one meant")

analyzer = Modori.Analyzer.new()
check(isinstance(analyzer, Modori.Analyzer), "Modori.Analyzer.new() gives an analyzer")
analyzer.set_include_delivered(False)
analyzer.set_include_vacation(False)

report = analyzer.analyze_file(SAMPLE)
check(report.get_n_records() == 1 and report.get_n_messages() == 1
      and report.get_n_warnings() == 0,
      "analyze_file: one message, one record, no warning",
      (report.get_n_records(), report.get_n_messages(), report.get_n_warnings()))
record = report.get_record(0)
check(record.get_recipient() == "taro@example.jp", "the recipient is taro@example.jp",
      record.get_recipient())
check(record.get_reason() == Modori.Reason.USER_UNKNOWN, "the reason is Modori.Reason.USER_UNKNOWN",
      record.get_reason())
check(record.get_delivery_status() == "5.1.1" and record.get_reply_code() == "550",
      "the status is 5.1.1, the reply 550")
check(record.get_hard_bounce() is True, "a hard bounce")
check_record(record, expected, SAMPLE, "analyze_file")

# The record outlives its report (boxed, reference-counted).
del report
check(record.get_subject() == "会議資料の送付", "a record outlives its report; the subject is UTF-8",
      record.get_subject())
check(json.loads(record.to_json(True))["recipient"] == "taro@example.jp", "Record.to_json()")

with open(SAMPLE, "rb") as f:
    data = f.read()
report = analyzer.analyze_data(data, "python")
check(report.get_n_records() == 1, "analyze_data: one record")
check_record(report.get_record(0), expected, "python", "analyze_data")

# A message GMime parsed, through GMime's own introspection.
GMime.init()
parser = GMime.Parser.new_with_stream(GMime.StreamMem.new_with_buffer(data))
message = parser.construct_message(None)
report = analyzer.analyze_message(message, "gmime")
check(report.get_n_records() == 1 and report.get_record(0).get_origin() == "gmime"
      and report.get_record(0).get_reason() == Modori.Reason.USER_UNKNOWN,
      "analyze_message on a GMime.Message")

# Errors are GLib.Error in the modori error domain.
try:
    analyzer.analyze_file("testdata/no-such-file.eml")
    check(False, "a missing file raises GLib.Error")
except GLib.Error as e:
    check(e.matches(Modori.Error.quark(), Modori.Error.IO),
          "a missing file raises GLib.Error MODORI_ERROR_IO", e)
try:
    analyzer.analyze_data(b"\x00\x01\x02 not mail", None)
    check(False, "bytes that are no message raise GLib.Error")
except GLib.Error as e:
    check(e.matches(Modori.Error.quark(), Modori.Error.INVALID_INPUT),
          "bytes that are no message raise GLib.Error MODORI_ERROR_INVALID_INPUT", e)

# The enums are registered GTypes.
check(Modori.Reason.to_string(Modori.Reason.MAILBOX_FULL) == "mailboxfull", "Reason.to_string")
ok, reason = Modori.Reason.from_string("UserUnknown")
check(ok and reason == Modori.Reason.USER_UNKNOWN, "Reason.from_string (out argument)", (ok, reason))
check(Modori.Reason.get_definition(Modori.Reason.USER_UNKNOWN) != "", "Reason.get_definition")
names = [Modori.Reason.to_string(Modori.Reason(v)) for v in range(int(Modori.Reason.N_REASONS))]
check(len(set(names)) == int(Modori.Reason.N_REASONS) and "undefined" not in names[1:],
      "every Reason value has an identifier of its own", names)
check(isinstance(Modori.GuidanceField.TODO, GObject.GEnum) and Modori.GuidanceField.TODO.value_nick == "todo"
      and Modori.GuidanceField.__gtype__.name == "ModoriGuidanceField",
      "GuidanceField is a GEnum", Modori.GuidanceField.TODO)
check(isinstance(Modori.AddressFlaw.DOMAIN_TYPO, GObject.GFlags)
      and Modori.AddressFlaw.__gtype__.name == "ModoriAddressFlaw", "AddressFlaw is a GFlags")
boxed = ["Analyzer", "Report", "Record", "Explanation", "AddressDiagnosis", "Source", "SourceMessage"]
check(all(getattr(Modori, b).__gtype__.name == "Modori" + b
          and getattr(Modori, b).__gtype__.is_a(GObject.TYPE_BOXED) for b in boxed),
      "the public types are boxed GTypes")

# Guidance.
title = Modori.guidance_for_reason(Modori.Reason.USER_UNKNOWN, "en", Modori.GuidanceField.TITLE)
check(isinstance(title, str) and title != "", "guidance_for_reason", title)
todo = Modori.guidance_for_record(record, "ja", Modori.GuidanceField.TODO)
check(isinstance(todo, str) and todo != "", "guidance_for_record", todo)
hints = Modori.guidance_list_hints()
check("comma-for-dot" in hints, "guidance_list_hints", hints)

# Explain a server's reply.
explanation = Modori.explain(b"550 5.1.1 <a@example.jp> User unknown")
check(explanation.get_case() == "user-unknown", "explain: the case is user-unknown",
      explanation.get_case())
check(explanation.get_kind() == "smtp" and explanation.get_reason() == Modori.Reason.USER_UNKNOWN
      and explanation.get_reply_code() == "550" and explanation.get_status_code() == "5.1.1"
      and explanation.get_address() == "a@example.jp",
      "explain: kind smtp, reason, reply and status codes, address",
      (explanation.get_kind(), explanation.get_reason(), explanation.get_reply_code(),
       explanation.get_status_code(), explanation.get_address()))
check(explanation.get_guidance("en", Modori.GuidanceField.TODO), "explain: guidance")
check(json.loads(explanation.to_json("en", False))["case"] == "user-unknown", "Explanation.to_json()")

# The address doctor.
diagnosis = Modori.address_diagnose("taro@gmail.con")
check(diagnosis.get_suggestion() == "taro@gmail.com"
      and diagnosis.get_flaws() & Modori.AddressFlaw.DOMAIN_TYPO,
      "address_diagnose: gmail.con is a typing mistake for gmail.com",
      (diagnosis.get_suggestion(), diagnosis.get_flaws()))

# A source: messages as boxed values.
source = Modori.Source.new([SAMPLE])
message = source.next()
check(message is not None and message.get_path() == SAMPLE and message.get_number() == 0
      and message.get_offset() == 0 and message.get_origin() == SAMPLE,
      "Source.next(): path, number, offset, origin")
check(bytes(message.get_data()) == data, "SourceMessage.get_data() gives the bytes")
check(source.next() is None and source.get_bytes_read() == len(data)
      and source.get_bytes_total() == len(data), "the source ends; bytes read and total")

print("1..%d" % n)
sys.exit(1 if failed else 0)
