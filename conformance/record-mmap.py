#!/usr/bin/env python3
"""Records a session whose lines name mmap addresses, which EYN-OS Release 13 cannot print ("Address: 0x").

It drives the real OS with eyn-real-os.py's own classes (imported from the driver's file) and, around each
`mmap` line, dumps the heap (0x00800000, 2 MiB) through QEMU's QMP `pmemsave`: the mapping's address is where
the file's bytes appear in the heap that were not there before. In later lines `@mmapN` stands for the
address of the session's N-th successful mmap, as `0x%08X`; the transcript keeps the placeholder, and the
emulator's replay puts its own N-th mapping's address there.

    record-mmap.py DRIVER SESSION.txt OUT.out TESTDIR [--iso F] [--image F]
"""
import importlib.util, os, re, shutil, sys, tempfile, time

HEAP, HEAP_SIZE = 0x00800000, 2 * 1024 * 1024


def main():
    driver_path, session, out_path, testdir = sys.argv[1:5]
    rest = sys.argv[5:]
    spec = importlib.util.spec_from_file_location('eyn_real_os', driver_path)
    d = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(d)
    here = os.path.dirname(os.path.abspath(driver_path))
    iso = rest[rest.index('--iso') + 1] if '--iso' in rest else os.path.join(here, 'r13', 'EYNOS.iso')
    image = rest[rest.index('--image') + 1] if '--image' in rest else os.path.join(here, 'r13', 'eynfs.img.xz')
    lines = d.read_session(session)
    work = tempfile.mkdtemp(prefix='eyn-mmap-')
    vm = None
    out = []
    addresses = []
    try:
        vm = d.OS(iso, image, '64M', work)
        ok, _ = vm.wait(0, 120, False)
        if not ok:
            sys.exit('record-mmap: no prompt after boot')
        for i, line in enumerate(lines):
            typed = re.sub(r'@mmap(\d+)', lambda m: '0x%08X' % addresses[int(m.group(1)) - 1], line)
            is_mmap = typed.split(' ')[0] == 'mmap'
            before = dump(vm, work, 'before') if is_mmap else None
            start = len(vm.text())
            vm.type_line(typed)
            ok, text = vm.wait(start, 30, False)
            lines_out = d.clean(text, typed)
            if is_mmap and 'File mapped successfully' in lines_out:
                name = typed.split(' ')[1]
                content = open(os.path.join(testdir, name.lstrip('/')), 'rb').read()
                addresses.append(find(before, dump(vm, work, 'after'), content))
                sys.stderr.write('mmap %d of %s at 0x%08X\n' % (len(addresses), name, addresses[-1]))
            out.append('$ ' + line)
            out.extend('|' + l for l in lines_out)
            if not ok:
                out.append('! no prompt')
            sys.stderr.write('[%2d] %s\n' % (i + 1, typed))
    finally:
        if vm is not None:
            vm.stop()
        shutil.rmtree(work, ignore_errors=True)
    with open(out_path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


def dump(vm, work, name):
    path = os.path.join(work, name + '.bin')
    vm.q.cmd('pmemsave', val=HEAP, size=HEAP_SIZE, filename=path)
    for _ in range(100):
        if os.path.exists(path) and os.path.getsize(path) == HEAP_SIZE:
            break
        time.sleep(0.05)
    return open(path, 'rb').read()


def find(before, after, content):
    """The lowest heap address where the file's bytes are now and were not before; else (a freed block that
    still held them was reused) the lowest one whose 12-byte block header changed."""
    for changed in (lambda at: before[at:at + len(content)] != content,
                    lambda at: at >= 12 and before[at - 12:at] != after[at - 12:at]):
        at = after.find(content)
        while at >= 0:
            if changed(at):
                return HEAP + at
            at = after.find(content, at + 1)
    raise SystemExit('record-mmap: the mapped bytes were not found in the heap')


if __name__ == '__main__':
    main()
