#!/usr/bin/env bash
# Usage: help_command.sh ADRESSAGE
# `adressage` alone and `adressage help` print the commands on stdout and exit 0;
# `adressage help run` prints run's help; `adressage help nosuch` is one line, exit 2.
set -uo pipefail
bin="$1"
fail=0
check() { # WHAT EXPECTED_CODE REGEX ARGS...
    local what="$1" code="$2" regex="$3"; shift 3
    out="$("$bin" "$@" 2>&1)"
    status=$?
    if [ "$status" -ne "$code" ]; then echo "FAIL: $what: exit $status, expected $code"; fail=1; fi
    if ! grep -E -q -e "$regex" <<<"$out"; then echo "FAIL: $what: no line matches $regex"; fail=1; fi
}
check "adressage" 0 "^Subcommands:"
check "adressage help" 0 "^Subcommands:" help
check "adressage help run" 0 "^Usage: adressage run" help run
check "adressage help batch-merge" 0 "^Usage: adressage batch-merge" help batch-merge
check "adressage help nosuch" 2 "^adressage: error: no command nosuch \(see adressage --help\)$" help nosuch
[ "$("$bin" help nosuch 2>&1 | wc -l)" -eq 1 ] || { echo "FAIL: help nosuch: not one line"; fail=1; }
exit $fail
