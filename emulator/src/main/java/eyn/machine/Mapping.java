package eyn.machine;

import eyn.machine.files.ChunkedBytes;

/** One mmap mapping: a private copy-on-write view of a whole file at {@code address}. */
public final class Mapping {
    public final long address;
    public final long span;
    public final String path;
    public final int drive;
    public final boolean readOnly;
    public final int descriptorAddress;
    public final ChunkedBytes content;

    public Mapping(long address, long span, String path, int drive, boolean readOnly, int descriptorAddress, ChunkedBytes content) {
        this.address = address;
        this.span = span;
        this.path = path;
        this.drive = drive;
        this.readOnly = readOnly;
        this.descriptorAddress = descriptorAddress;
        this.content = content;
    }

    public int size() {
        return content.length();
    }

    Mapping copy() {
        return new Mapping(address, span, path, drive, readOnly, descriptorAddress, content.share());
    }
}
