package eyn.machine;

import eyn.machine.disk.Drive;
import eyn.machine.disk.TreeDrive;
import eyn.machine.memory.MemoryBudget;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fresh machine is made of: RAM size, random seed, its drives by number, how large a
 * zero-copy fd may grow (by default the RAM size: no EYN-OS file could be larger than memory), and
 * the host memory it may hold ({@code memoryBudget} bytes; 0 means {@link MemoryBudget#defaultLimit()},
 * half of the JVM's max heap).
 */
public record MachineConfig(long ramBytes, long seed, Map<Integer, Drive> drives, long maxFileBytes, Fidelity fidelity,
        long memoryBudget) {
    public static final long DEFAULT_RAM = 128L * 1024 * 1024;

    public MachineConfig(long ramBytes, long seed, Map<Integer, Drive> drives) {
        this(ramBytes, seed, drives, ramBytes);
    }

    public MachineConfig(long ramBytes, long seed, Map<Integer, Drive> drives, long maxFileBytes) {
        this(ramBytes, seed, drives, maxFileBytes, Fidelity.FIXED);
    }

    public MachineConfig(long ramBytes, long seed, Map<Integer, Drive> drives, long maxFileBytes, Fidelity fidelity) {
        this(ramBytes, seed, drives, maxFileBytes, fidelity, 0);
    }

    public MachineConfig {
        if (maxFileBytes < 1) throw new IllegalArgumentException("maxFileBytes must be positive");
        if (ramBytes < 1024 * 1024) throw new IllegalArgumentException("RAM must be at least 1 MiB");
        if (ramBytes > 4L * 1024 * 1024 * 1024) throw new IllegalArgumentException("RAM must be at most 4096 MiB");
        if (fidelity == null) fidelity = Fidelity.FIXED;
        if (memoryBudget != 0 && memoryBudget < MemoryBudget.MIN) throw new IllegalArgumentException("the memory budget must be at least 1 MiB");
        drives = new TreeMap<>(drives);
        if (drives.isEmpty()) drives.put(0, TreeDrive.inMemory());
    }

    /** The default machine: 128 MiB, seed 1, one empty in-memory drive 0. */
    public static MachineConfig defaults() {
        return new MachineConfig(DEFAULT_RAM, 1, Map.of());
    }

    public MachineConfig withDrive(int number, Drive drive) {
        Map<Integer, Drive> d = new TreeMap<>(drives);
        d.put(number, drive);
        return new MachineConfig(ramBytes, seed, d, maxFileBytes, fidelity, memoryBudget);
    }

    public MachineConfig withRam(long bytes) {
        return new MachineConfig(bytes, seed, drives, bytes, fidelity, memoryBudget);
    }

    public MachineConfig withSeed(long newSeed) {
        return new MachineConfig(ramBytes, newSeed, drives, maxFileBytes, fidelity, memoryBudget);
    }

    public MachineConfig withMaxFileBytes(long bytes) {
        return new MachineConfig(ramBytes, seed, drives, bytes, fidelity, memoryBudget);
    }

    public MachineConfig withFidelity(Fidelity f) {
        return new MachineConfig(ramBytes, seed, drives, maxFileBytes, f, memoryBudget);
    }

    /** The host memory the machine may hold, in bytes (at least 1 MiB); 0 for the default, half of the JVM's max heap. */
    public MachineConfig withMemoryBudget(long bytes) {
        return new MachineConfig(ramBytes, seed, drives, maxFileBytes, fidelity, bytes);
    }

    /** The budget in bytes this configuration gives a machine. */
    public long effectiveMemoryBudget() {
        return memoryBudget > 0 ? memoryBudget : MemoryBudget.defaultLimit();
    }
}
