package eyn.machine;

import eyn.machine.files.ChunkedBytes;
import eyn.machine.files.OpenFile;
import eyn.machine.memory.Heap;

/**
 * The emulated 32-bit address space as a debugger sees it: the heap, then the windows where open
 * fds and mappings show their bytes. Everything else is unmapped and unreadable.
 */
final class AddressSpace {
    private final Machine machine;

    AddressSpace(Machine machine) {
        this.machine = machine;
    }

    private record Region(long start, long length, ChunkedBytes content, boolean writable, OpenFile fd) {}

    int read(long address, byte[] dst, int len) {
        return transfer(address, dst, len, false);
    }

    int write(long address, byte[] src, int len) {
        return transfer(address, src, len, true);
    }

    /** Copies between the buffer and memory, region by region, until a gap (or, writing, a read-only byte). */
    private int transfer(long address, byte[] buffer, int len, boolean write) {
        int done = 0;
        while (done < len) {
            long at = address + done;
            Heap heap = machine.heap();
            if (heap.contains(at)) {
                int n = (int) Math.min(len - done, heap.end() - at);
                if (write) heap.write((int) at, buffer, done, n);
                else heap.read((int) at, buffer, done, n);
                done += n;
                continue;
            }
            Region r = regionAt(at);
            if (r == null || (write && !r.writable)) break;
            int n = (int) Math.min(len - done, r.start + r.length - at);
            if (write) {
                r.content.write((int) (at - r.start), buffer, done, n);
                if (r.fd != null) r.fd.dirty = true;
            } else {
                r.content.read((int) (at - r.start), buffer, done, n);
            }
            done += n;
        }
        return done;
    }

    private Region regionAt(long at) {
        for (OpenFile f : machine.fds().open()) {
            if (at >= f.window && at < f.window + f.size()) return new Region(f.window, f.size(), f.content, f.mode.writable(), f);
        }
        for (Mapping m : machine.mappings()) {
            if (at >= m.address && at < m.address + m.size()) return new Region(m.address, m.size(), m.content, !m.readOnly, null);
        }
        return null;
    }
}
