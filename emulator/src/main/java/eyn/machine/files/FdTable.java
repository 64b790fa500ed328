package eyn.machine.files;

import java.util.ArrayList;
import java.util.List;

/** The zero-copy fd table: numbered from 0, lowest free fd reused, limit counts open handles only. */
public final class FdTable {
    private final OpenFile[] slots;
    private int everOpened;
    private long operations;

    public FdTable(int limit) {
        this.slots = new OpenFile[limit];
    }

    private FdTable(FdTable other) {
        this.slots = new OpenFile[other.slots.length];
        for (int i = 0; i < slots.length; i++) if (other.slots[i] != null) slots[i] = other.slots[i].copy();
        this.everOpened = other.everOpened;
        this.operations = other.operations;
    }

    public FdTable copy() {
        return new FdTable(this);
    }

    /** Reports the open files: each handle is a copy of its own, its contents a shared view. */
    public void footprint(eyn.machine.Footprint f) {
        f.own(64 + eyn.machine.Footprint.references(slots.length));
        for (OpenFile o : slots) {
            if (o == null) continue;
            f.own(96);
            o.content.footprint(f);
        }
    }

    /** fd limit for a machine with this much RAM (reference 3.1, H13 tiers). */
    public static int limitForRam(long ramBytes) {
        long mib = 1024 * 1024;
        if (ramBytes < 8 * mib) return 4;
        if (ramBytes < 32 * mib) return 8;
        if (ramBytes < 128 * mib) return 12;
        return 16;
    }

    public int limit() { return slots.length; }

    /** The lowest free fd, or -1 when the table is full. */
    public int lowestFree() {
        for (int i = 0; i < slots.length; i++) if (slots[i] == null) return i;
        return -1;
    }

    public void install(OpenFile file) {
        slots[file.fd] = file;
        everOpened++;
    }

    public OpenFile get(int fd) {
        return fd >= 0 && fd < slots.length ? slots[fd] : null;
    }

    public void remove(int fd) {
        slots[fd] = null;
    }

    /** EYN-OS's close: the slot stays taken by a handle with no file, no mode and no data (faithful mode). */
    public void clear(int fd) {
        slots[fd] = OpenFile.closed(fd);
    }

    /** The fd EYN-OS hands out next: the number of fds handed out so far (fds are never reused). */
    public int nextNeverReused() {
        return everOpened < slots.length ? everOpened : -1;
    }

    public List<OpenFile> open() {
        List<OpenFile> files = new ArrayList<>();
        for (OpenFile f : slots) if (f != null && !f.closed) files.add(f);
        return files;
    }

    public int openCount() {
        int n = 0;
        for (OpenFile f : slots) if (f != null && !f.closed) n++;
        return n;
    }

    public int everOpened() { return everOpened; }
    public long operations() { return operations; }
    public void countOperation() { operations++; }
}
