#!/bin/sh
# Re-record the conformance corpus on the real EYN-OS Release 13 (QEMU), one fresh boot per session.
#   conformance/record.sh [SESSION...]      record the named sessions (default: all) into recorded/
# Environment: EYN_REAL_OS (the driver, default ../shared/real-os/eyn-real-os.py beside the project),
#   EYN_ISO / EYN_IMAGE (another Release 13 ISO / EYNFS image), EYN_QEMU_LOCK (default /tmp/qemu.lock).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
driver=${EYN_REAL_OS:-$here/../../../shared/real-os/eyn-real-os.py}
[ -f "$driver" ] || driver=/work/shared/real-os/eyn-real-os.py
lock=${EYN_QEMU_LOCK:-/tmp/qemu.lock}
if ! command -v qemu-system-i386 >/dev/null 2>&1; then
    echo "record.sh: qemu-system-i386 not found; install it with: apt-get install --no-install-recommends qemu-system-x86" >&2
    exit 2
fi
set --  "$@"
if [ $# -eq 0 ]; then set -- "$here"/sessions/*.txt; fi
extra=""
[ -n "${EYN_ISO:-}" ] && extra="$extra --iso $EYN_ISO"
[ -n "${EYN_IMAGE:-}" ] && extra="$extra --image $EYN_IMAGE"
status=0
for s in "$@"; do
    case "$s" in */*) ;; *) s="$here/sessions/$s" ;; esac
    case "$s" in *.txt) ;; *) s="$s.txt" ;; esac
    name=$(basename "$s" .txt)
    timeout=30
    # sessions ending in a command that never returns (exit) need a short timeout
    case "$name" in *-exit*) timeout=8 ;; esac
    echo "== $name" >&2
    # shellcheck disable=SC2086
    json=$(mktemp)
    flock "$lock" python3 "$driver" --timeout "$timeout" $extra --file "$s" --out "$json" >&2 || status=$?
    python3 "$here/tojson-out.py" "$json" "$here/recorded/$name.out" && rm -f "$json"
done
exit $status
