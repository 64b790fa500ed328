package eyn.machine;

import eyn.machine.disk.Drive;
import eyn.machine.disk.TreeDrive;
import java.util.Map;
import java.util.TreeMap;

/** What a fresh machine is made of: RAM size, random seed, and its drives by number. */
public record MachineConfig(long ramBytes, long seed, Map<Integer, Drive> drives) {
    public static final long DEFAULT_RAM = 128L * 1024 * 1024;

    public MachineConfig {
        if (ramBytes < 1024 * 1024) throw new IllegalArgumentException("RAM must be at least 1 MiB");
        if (ramBytes > 4L * 1024 * 1024 * 1024) throw new IllegalArgumentException("RAM must be at most 4096 MiB");
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
        return new MachineConfig(ramBytes, seed, d);
    }

    public MachineConfig withRam(long bytes) {
        return new MachineConfig(bytes, seed, drives);
    }

    public MachineConfig withSeed(long newSeed) {
        return new MachineConfig(ramBytes, newSeed, drives);
    }
}
