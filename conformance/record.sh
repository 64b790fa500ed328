#!/bin/sh
# The conformance corpus on the real EYN-OS Release 13 (QEMU), one fresh boot per session.
#
#   conformance/record.sh [SESSION...]            record the sessions (default: all) into recorded/
#   conformance/record.sh --diff SESSION [--faithful] [--all]
#                                                 record any session file on the OS and print, per command,
#                                                 where the emulator (./eyn conform) prints something else
#
# Environment: EYN_REAL_OS (the driver; default ../shared/real-os/eyn-real-os.py beside the project),
#   EYN_ISO / EYN_IMAGE (another Release 13 ISO / EYNFS image), EYN_DRIVE (the folder holding that image's
#   files, for the emulator; default conformance/testdir), EYN_QEMU_LOCK (default /tmp/qemu.lock),
#   EYN_CMD (how to run eyn; default ./eyn, which builds it when needed).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
driver=${EYN_REAL_OS:-$here/../../shared/real-os/eyn-real-os.py}
[ -f "$driver" ] || driver=$here/../../../shared/real-os/eyn-real-os.py
[ -f "$driver" ] || driver=/work/shared/real-os/eyn-real-os.py
lock=${EYN_QEMU_LOCK:-/tmp/qemu.lock}
if ! command -v qemu-system-i386 >/dev/null 2>&1; then
    echo "record.sh: qemu-system-i386 not found: install it (Debian: apt-get install --no-install-recommends qemu-system-x86)" >&2
    exit 2
fi
if [ ! -f "$driver" ]; then
    echo "record.sh: the real-OS driver eyn-real-os.py was not found; set EYN_REAL_OS" >&2
    exit 2
fi
extra=""
[ -n "${EYN_ISO:-}" ] && extra="$extra --iso $EYN_ISO"
[ -n "${EYN_IMAGE:-}" ] && extra="$extra --image $EYN_IMAGE"

# record SESSION.txt OUT.out: one boot, the driver's JSON turned into a transcript
record() {
    if grep -q '@mmap[0-9]' "$1"; then
        # lines name mmap addresses: found in the OS's heap around each mmap (QMP pmemsave)
        # shellcheck disable=SC2086
        flock "$lock" python3 "$here/record-mmap.py" "$driver" "$1" "$2" "${EYN_DRIVE:-$here/testdir}" $extra >&2
        return $?
    fi
    timeout=30
    # a session that ends in exit (the CPU halts) needs a short timeout
    case "$(basename "$1")" in *exit*) timeout=8 ;; esac
    json=$(mktemp)
    rc=0
    # shellcheck disable=SC2086
    flock "$lock" python3 "$driver" --timeout "$timeout" $extra --file "$1" --out "$json" >&2 || rc=$?
    if [ ! -s "$json" ]; then
        echo "record.sh: no transcript for $1 (the driver exited with $rc: did QEMU stop?)" >&2
        rm -f "$json"
        return 3
    fi
    python3 "$here/tojson-out.py" "$json" "$2"
    rm -f "$json"
    return 0
}

if [ "${1:-}" = "--diff" ]; then
    shift
    [ $# -ge 1 ] || { echo "usage: record.sh --diff SESSION.txt [--faithful] [--all]" >&2; exit 2; }
    session=$1
    shift
    out=$(mktemp)
    record "$session" "$out" || exit $?
    status=0
    ${EYN_CMD:-"$here/../eyn"} conform "$session" "$out" --drive "${EYN_DRIVE:-$here/testdir}" "$@" || status=$?
    rm -f "$out"
    exit $status
fi

[ $# -eq 0 ] && set -- "$here"/sessions/*.txt
status=0
for s in "$@"; do
    case "$s" in */*) ;; *) s="$here/sessions/$s" ;; esac
    case "$s" in *.txt) ;; *) s="$s.txt" ;; esac
    name=$(basename "$s" .txt)
    echo "== $name" >&2
    record "$s" "$here/recorded/$name.out" || status=$?
done
exit $status
