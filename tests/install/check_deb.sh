#!/usr/bin/env bash
# Usage: check_deb.sh BUILD_DIR
# The .deb as a user gets it: CPack builds it from BUILD_DIR, dpkg -x unpacks it into a
# temporary root, and the installed program runs from another folder with the checkout out of
# reach: strace lists every file it opens or looks for, and none may be under the checkout
# (nor its build folder). Then:
#  - the embedded default commune's BAL is accepted by the official validator (profile 1.4) and
#    by the installed `adressage validate`;
#  - the package's Depends were computed from the binaries (GDAL, GEOS, PROJ, ICU);
#  - every man page (gzipped, as Debian wants them) renders with man -l, with its accents; the bash completion completes the
#    commands and a command's options.
set -euo pipefail
build="$(cd "$1" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
checkout="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/deb" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb="$(ls "$work"/deb/adressage_*_*.deb)"
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libgdal libgeos-c libproj libicu proj-data; do
    grep -q "$lib" <<<"$depends" || fail "Depends has no $lib: $depends"
done
dpkg -x "$deb" "$work/root"
bin="$work/root/usr/bin/adressage"

mkdir "$work/elsewhere"
cd "$work/elsewhere"
env -u ADRESSAGE_DATA strace -f -qq -e trace=%file -o "$work/trace" \
    "$bin" run --out out --date 2026-11-20 >"$work/run.log" 2>&1 || { cat "$work/run.log"; fail "run"; }
if grep -F "$checkout" "$work/trace" >"$work/reached"; then
    head -5 "$work/reached"
    fail "the installed program reached into the checkout $checkout"
fi
grep -q -F "$work/root/usr/share/adressage/cog-2026/communes.csv" "$work/trace" ||
    fail "the installed data was not read"
grep -q -F "$work/root/usr/lib/adressage/libadressage_run.so" "$work/trace" ||
    fail "the installed run module was not loaded"
bal="out/06012/bal-06012.csv"
[ -s "$bal" ] || fail "no $bal"
"$bin" validate "$bal" >/dev/null || fail "the installed adressage validate refuses $bal"
"$here/../validator/run" "$work/elsewhere/$bal" 1.4 >"$work/verdict.json" ||
    fail "the official validator blocks $bal"
echo "default commune: $(wc -l <"$bal") lines, accepted by the official validator"

pages=("$work"/root/usr/share/man/man1/adressage*.1.gz)
[ "${#pages[@]}" -eq 7 ] || fail "${#pages[@]} man pages, 7 expected"
for page in "${pages[@]}"; do
    LC_ALL=C.UTF-8 MANPAGER=cat MANWIDTH=80 man -l "$page" >"$work/page" 2>"$work/page.err" ||
        fail "man -l $(basename "$page")"
    [ ! -s "$work/page.err" ] || { cat "$work/page.err"; fail "man -l $(basename "$page") warns"; }
    grep -q "^NAME" "$work/page" && grep -q "^SYNOPSIS" "$work/page" ||
        fail "$(basename "$page") has no NAME or SYNOPSIS"
done
LC_ALL=C.UTF-8 MANPAGER=cat man -l "$work/root/usr/share/man/man1/adressage-run.1.gz" |
    grep -q "communes déléguées" || fail "adressage-run.1.gz lost its accents"

completion="$work/root/usr/share/bash-completion/completions/adressage"
complete_line() { # WORDS...: what the completion offers for the last word
    PATH="$work/root/usr/bin:$PATH" bash --norc --noprofile -c '
source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _adressage
printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$@"
}
[ "$(complete_line adressage ba | sort | tr '\n' ' ')" = "batch batch-merge " ] ||
    fail "completion of 'adressage ba': $(complete_line adressage ba | tr '\n' ' ')"
complete_line adressage run --bou | grep -q -x -- --boundary ||
    fail "completion of 'adressage run --bou'"
complete_line adressage validate --pro | grep -q -x -- --profile ||
    fail "completion of 'adressage validate --pro'"
echo "7 man pages render; completion: commands and options"
