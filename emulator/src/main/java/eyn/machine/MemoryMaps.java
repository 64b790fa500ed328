package eyn.machine;

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
        ChunkedBytes content = machine.fileForView(abs, "", "Error: Failed to read file for mapping", "Error: Out of memory for mapping");
        Machine.View view = machine.allocateView(Machine.MAPPING_DESCRIPTOR_SIZE, content.length(), "Error: Out of memory for mapping");
        Mapping m = new Mapping(view.window(), view.span(), abs, machine.currentDriveNumber(), readOnly, view.descriptor(), content);
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
        machine.noteRead(m.address, m.size());
        try {
            machine.writeBack(m.drive, m.path, m.content);
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
