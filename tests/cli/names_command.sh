#!/usr/bin/env bash
# Usage: names_command.sh ADRESSAGE
# `adressage names` reads raw names on stdin and writes input<TAB>output<TAB>rules, one line
# per input, in order (expected lines written by hand).
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
echo PASS
