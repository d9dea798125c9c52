#!/usr/bin/env bash
# Usage: names_command.sh ADRESSAGE
# `adressage names` reads raw names on stdin and writes input<TAB>output<TAB>rules, one line
# per input, in order (expected lines written by hand). Hostile 10 MB lines (a road designation
# with 10 MB of spaces, a million dots, random bytes, a 10 MB word) each give one line, exit 0,
# within the test's timeout: they overflowed the stack (std::regex) or took minutes.
set -euo pipefail
bin="$1"
got="$(printf 'CHE DE L EGLISE ST JEAN\nRue de la Gare\nRUE DU LOT\n' | "$bin" names)"
expected="$(printf '%s\t%s\t%s\n' \
    'CHE DE L EGLISE ST JEAN' 'Chemin de l’Église Saint-Jean' 'type_expanded,title_expanded,saint_hyphen,accents,elision,casing' \
    'Rue de la Gare' 'Rue de la Gare' '' \
    'RUE DU LOT' 'Rue du Lot' 'casing')"
if [ "$got" != "$expected" ]; then
    echo "FAIL: got"; echo "$got"; echo "expected"; echo "$expected"; exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mb10() { head -c 10000000 "$1" | tr "$2" "$3"; }
{ printf 'RD'; mb10 /dev/zero '\0' ' '; printf '1\n'; } >"$work/designation"
{ printf 'R'; mb10 /dev/zero '\0' '.'; printf '\n'; } >"$work/dots"
{ head -c 10000000 /dev/urandom | tr -d '\n\r'; printf '\n'; } >"$work/random"
{ printf 'Rue '; mb10 /dev/zero '\0' 'b'; printf 'ebe\n'; } >"$work/word"
for input in designation dots random word; do
    status=0
    lines="$("$bin" names <"$work/$input" | wc -l)" || status=$?
    if [ "$status" -ne 0 ] || [ "$lines" -ne 1 ]; then
        echo "FAIL: $input: exit $status, $lines lines"; exit 1
    fi
done
echo PASS
