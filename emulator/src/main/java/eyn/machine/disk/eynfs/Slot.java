package eyn.machine.disk.eynfs;

/** Where a directory entry lives: its directory block, its index in that block, and the entry. */
public record Slot(long block, int index, DirEntry entry) {
    int offset() {
        return 4 + index * Layout.ENTRY;
    }
}
