#!/usr/bin/env bash
# Usage: validate_command.sh ADRESSAGE FIXTURES_DIR
# `adressage validate`: exit codes (0 accepted, 1 blocked), the text format's alert lines and
# summary, and the project's own adressage.* checks kept apart from the official keys in JSON
# (and left out by --official-only). Expected values were read from the fixture by hand: rows
# 43-44 "montée du Crié" (a word without a capital), rows 86-87 (9 A and 9 bis at one point),
# rows 87 and 119 (9 A then 9 bis, 8 A then
# 8 bis on one voie).
set -euo pipefail
bin="$1"
fixtures="$2"
perrecy="$fixtures/bal-1.3-71346-perrecy-les-forges-extract.csv"
fail() { echo "FAIL: $*"; exit 1; }

text="$("$bin" validate "$perrecy")" || fail "accepted file exited $?"
grep -q '^89: W adressage.suffixes_melanges — La voie mélange' <<<"$text" ||
    fail "no text line for the mixed suffixes of file line 89"
grep -q 'BAL 1.3, 145 rows, .*: accepted$' <<<"$text" || fail "no accepted summary"
grep -q 'adressage checks (not the BAN.s verdict): W 4 I 2$' <<<"$text" ||
    fail "wrong adressage summary"

json="$("$bin" validate --format json "$perrecy")"
python3 - "$json" <<'PY' || fail "JSON"
import json, sys
d = json.loads(sys.argv[1])
assert d["blocked"] is False and d["profile"] == "1.3", d["profile"]
extra = d["adressage"]
assert extra["alertCounts"] == {"W": 4, "I": 2}, extra["alertCounts"]
lines = [(r["line"], [e["code"] for e in r["errors"]]) for r in extra["rows"]]
assert lines == [(43, ["adressage.voie_nom.word_lowercase"]),
                 (44, ["adressage.voie_nom.word_lowercase"]),
                 (86, ["adressage.position.trop_proche"]),
                 (87, ["adressage.position.trop_proche", "adressage.suffixes_melanges"]),
                 (119, ["adressage.suffixes_melanges"])], lines
assert all(not e["code"].startswith("adressage.") for r in d["rows"] for e in r["errors"])
PY
official="$("$bin" validate --official-only --format json "$perrecy")"
python3 -c 'import json,sys; assert "adressage" not in json.loads(sys.argv[1])' "$official" ||
    fail "--official-only still has the adressage checks"

# A blocked file: exit 1, and the summary says the BAN would refuse it.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed '2s/;71346;/;99999;/' "$perrecy" > "$work/blocked.csv"
set +e
"$bin" validate "$work/blocked.csv" > "$work/out.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "blocked file exited $code, expected 1"
grep -q 'BLOCKED .*the BAN would refuse it' "$work/out.txt" || fail "no BLOCKED summary"
echo PASS
