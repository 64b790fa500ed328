package eyn.server.dap;

import eyn.debug.LaunchOptions;
import eyn.debug.Refusal;
import eyn.machine.MachineConfig;
import eyn.machine.disk.DiskImages;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The launch arguments on the host: {@link LaunchOptions} (checked in {@code eyn.debug}) with the
 * program and the drives as host paths that exist, drive 0 being {@code cwd} or the program's folder.
 * The one place the adapter reads host files.
 */
record LaunchConfig(LaunchOptions options, Path program, Map<Integer, Path> drives) {

    static LaunchConfig of(Map<String, Object> args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.of(args);
        } catch (Refusal r) {
            throw invalid(r.getMessage());
        }
        Path script = Path.of(options.program()).toAbsolutePath();
        if (!Files.isRegularFile(script)) throw invalid("'program' is not a readable file: " + options.program());
        TreeMap<Integer, Path> drives = new TreeMap<>();
        drives.put(0, options.cwd() != null ? Path.of(options.cwd()).toAbsolutePath() : script.getParent());
        for (Map.Entry<Integer, String> e : options.drives().entrySet()) {
            Path target = Path.of(e.getValue()).toAbsolutePath();
            if (!Files.isDirectory(target) && !Files.isRegularFile(target)) {
                throw invalid("drive " + e.getKey() + ": no such folder or disk image: " + target);
            }
            drives.put(e.getKey(), target);
        }
        return new LaunchConfig(options, script, drives);
    }

    /** The machine's drives, opened: folders, or EYNFS/FAT32 images (with persist, locked for writing). */
    MachineConfig machine() {
        MachineConfig config = new MachineConfig(options.ramMib() * 1024 * 1024, options.seed(), Map.of());
        List<Drive> opened = new ArrayList<>();
        for (Map.Entry<Integer, Path> e : drives.entrySet()) {
            try {
                Drive d = DiskImages.open(e.getValue(), options.persist(), Integer.MAX_VALUE);
                opened.add(d);
                config = config.withDrive(e.getKey(), d);
            } catch (DriveException ex) {
                for (Drive d : opened) d.close();
                throw invalid("drive " + e.getKey() + ": " + ex.getMessage());
            }
        }
        return config.withFidelity(options.fidelity()).withMemoryBudget(options.memoryBudget());
    }

    /** The program's file name, as the session's summary names it. */
    String programName() {
        return program.getFileName().toString();
    }

    /** Where the program is as the interpreter names it: its path on drive 0 when it lives there. */
    String scriptPath() {
        Path root = drives.get(0).normalize();
        Path file = program.normalize();
        return file.startsWith(root) ? "/" + root.relativize(file).toString().replace('\\', '/') : file.getFileName().toString();
    }

    /** The host file of a script the interpreter names by its drive-0 path. */
    Path hostPath(String scriptPath) {
        if (scriptPath.equals(scriptPath()) && !scriptPath.startsWith("/")) return program;
        return drives.get(0).resolve(scriptPath.substring(1)).normalize();
    }

    /** The interpreter's name for a host file, or null when it is not on drive 0. */
    String scriptPathOf(Path host) {
        Path file = host.toAbsolutePath().normalize();
        if (file.equals(program.normalize())) return scriptPath();
        Path root = drives.get(0).normalize();
        return file.startsWith(root) ? "/" + root.relativize(file).toString().replace('\\', '/') : null;
    }

    /** The program's text. */
    String programText() {
        try {
            return Files.readString(program, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid("cannot read the program: " + e.getMessage());
        }
    }

    /** The text of a script the interpreter names by its drive-0 path, or null when it cannot be read. */
    String scriptText(String scriptPath) {
        try {
            return text(hostPath(scriptPath));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A host file's text, or null when it cannot be read. */
    static String text(Path host) {
        try {
            return Files.readString(host, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static ResponseErrorException invalid(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
