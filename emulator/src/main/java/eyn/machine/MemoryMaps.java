package eyn.machine;

import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.files.ChunkedBytes;
import java.util.List;

/** mmap, munmap and msync over the machine's mapping table (at most 32 mappings). */
public final class MemoryMaps {
    public static final int MAX_MAPPINGS = 32;

    private final Machine machine;

    MemoryMaps(Machine machine) {
        this.machine = machine;
    }

    public Mapping map(String abs, boolean readOnly) throws MachineError {
        List<Mapping> mappings = machine.mappings();
        if (mappings.size() >= MAX_MAPPINGS) throw new MachineError("Error: Too many mapped files");
        Drive drive = machine.drive();
        Drive.Entry entry = drive.stat(abs);
        if (entry == null) throw new MachineError("Error: File not found: " + abs);
        if (entry.directory()) throw new MachineError("Error: Not a file: " + abs);
        ChunkedBytes content;
        try {
            content = drive.read(abs);
        } catch (DriveException e) {
            throw new MachineError("Error: Failed to read file for mapping");
        }
        int descriptor = machine.allocate(Machine.MAPPING_DESCRIPTOR_SIZE);
        long span = WindowSpace.spanFor(content.length());
        long address = descriptor == 0 ? -1 : machine.windows().reserve(span);
        if (address < 0) {
            machine.free(descriptor);
            throw new MachineError("Error: Out of memory for mapping");
        }
        Mapping m = new Mapping(address, span, abs, machine.currentDriveNumber(), readOnly, descriptor, content);
        mappings.add(m);
        return m;
    }

    /** The mapping that starts exactly at {@code address}, or the "Address not mapped" error. */
    public Mapping find(long address) throws MachineError {
        for (Mapping m : machine.mappings()) if (m.address == address) return m;
        throw new MachineError("Error: Address not mapped");
    }

    public void unmap(long address) throws MachineError {
        Mapping m = find(address);
        release(m);
    }

    /** Writes a read-write mapping back to its file. */
    public void sync(Mapping m) throws MachineError {
        Drive drive = machine.drive(m.drive);
        try {
            if (drive == null) throw new DriveException(DriveException.Kind.NOT_FOUND, m.path, "drive gone");
            drive.write(m.path, m.content.share());
        } catch (DriveException e) {
            throw new MachineError("Error: Failed to write back mapping (" + m.path + ": " + e.getMessage() + ")");
        }
    }

    public int unmapAll() {
        List<Mapping> all = List.copyOf(machine.mappings());
        for (Mapping m : all) release(m);
        return all.size();
    }

    private void release(Mapping m) {
        machine.mappings().remove(m);
        machine.windows().release(m.address);
        machine.free(m.descriptorAddress);
    }
}
