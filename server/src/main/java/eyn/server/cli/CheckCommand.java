package eyn.server.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import eyn.analysis.Analysis;
import eyn.analysis.AnalysisSettings;
import eyn.analysis.Analyzer;
import eyn.analysis.Diagnostic;
import eyn.analysis.DiagnosticCode;
import eyn.analysis.Workspace;
import eyn.language.Severity;
import eyn.machine.Fidelity;
import eyn.machine.disk.HostFolder;
import eyn.profile.Profiles;
import eyn.machine.disk.TreeDrive;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eyn check}: the language server's diagnostics for files and folders, for terminals and CI. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check EYN scripts (.eyn, .shell) without running them: the same diagnostics as the language server.",
                "Drive 0 is each script's folder (or --drive-root), as for eyn run.",
                "Exit status: 0 no error, 1 an error was found, 2 usage error or unreadable path."})
public final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, sarif }

    enum Level { error, warning, info }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "scripts or folders to check (default: the current folder)")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or sarif", defaultValue = "text")
    Format format;

    @Option(names = "--severity", paramLabel = "LEVEL", description = "lowest severity to report: error, warning or info (default)",
            defaultValue = "info")
    Level severity;

    @Option(names = "--no-portability", description = "leave out the warnings about real EYN-OS behaving differently")
    boolean noPortability;

    @Option(names = "--disable", paramLabel = "CODE", description = "switch a diagnostic code off (repeatable)")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--drive-root", paramLabel = "DIR", description = "the folder that is drive 0 for every script")
    Path driveRoot;

    @Option(names = "--progress", description = "show a progress line on stderr")
    boolean progress;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "the EYN-OS generation: auto (default: decided per script), r13 or 2026", defaultValue = "auto")
    String profile;

    @Option(names = "--fidelity", paramLabel = "MODE",
            description = "fixed (default) or faithful (diagnose the EYN-OS bugs the emulator reproduces)", defaultValue = "fixed")
    String fidelity;

    /** One line of the report: a diagnostic of a script, or a file or folder that could not be checked. */
    record Finding(Path file, int line, int startColumn, int endColumn, Severity severity, String message, String code) {
        Finding(Path file, Diagnostic d) {
            this(file, d.line(), d.startColumn(), d.endColumn(), d.severity(), d.message(), d.code().code);
        }
    }

    /** The code of the warning for a file or folder that could not be checked (binary, unreadable, special). */
    static final String UNCHECKED = "unchecked";

    /** A script found, or a path met on the way that cannot be checked ({@code problem} says why). */
    record Entry(Path file, String problem) {}

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<Entry> files;
        try {
            files = scripts(paths.isEmpty() ? List.of(Path.of(".")) : paths);
        } catch (IOException e) {
            err.println("eyn check: " + e.getMessage());
            return 2;
        }
        if (!profile.equals("auto") && Profiles.byId(profile) == null || Fidelity.parse(fidelity) == null) {
            err.println("eyn check: --profile takes auto, r13 or 2026 and --fidelity fixed or faithful");
            return 2;
        }
        AnalysisSettings settings = AnalysisSettings.defaults().withPortability(!noPortability).withDisabled(new HashSet<>(disabled))
                .withProfile(profile, Profiles.R13).withFidelity(Fidelity.parse(fidelity));
        List<Finding> findings = new ArrayList<>();
        List<eyn.analysis.CallSite> calls = driveRoot == null ? List.of() : calls(files, driveRoot);
        int n = 0;
        for (Entry entry : files) {
            Path file = entry.file();
            if (progress) err.print("\r[eyn check] " + (++n) + "/" + files.size() + " " + escape(file.toString()) + "\u001b[K");
            if (entry.problem() != null) {
                findings.add(unchecked(file, entry.problem()));
                continue;
            }
            try {
                String text;
                try {
                    text = ScriptInput.read(file, ScriptInput.MAX_SCRIPT_BYTES);
                } catch (IOException e) {
                    findings.add(unchecked(file, "cannot be read: " + e.getMessage()));
                    continue;
                }
                if (text.indexOf('\0') >= 0) {
                    findings.add(unchecked(file, "a binary file (it holds NUL bytes), not a script"));
                    continue;
                }
                Path root = driveRoot != null ? driveRoot : file.toAbsolutePath().getParent();
                Path rel = file.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())
                        ? root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()) : null;
                // with one drive root for every script, $1..$9 are checked against what the others pass
                Workspace ws = Workspace.withCallers(Workspace.of(TreeDrive.overFolder(new HostFolder(root), false)),
                        path -> calls.stream().filter(c -> c.callee().equals(path) && !c.caller().equals(path)).toList());
                Analysis analysis = Analyzer.analyze(rel == null ? null : "/" + rel.toString().replace('\\', '/'), text, ws, settings);
                for (Diagnostic d : analysis.diagnostics()) if (reported(d.severity())) findings.add(new Finding(file, d));
                if (format == Format.text) err.println(escape(file.toString()) + ": " + analysis.profileChoice().describe());
            } catch (IOException | RuntimeException e) {
                findings.add(unchecked(file, "could not be checked: " + e));
            }
        }
        if (progress) err.print("\r\u001b[K");
        switch (format) {
            case json -> out.println(json(findings));
            case sarif -> out.println(sarif(findings));
            default -> findings.forEach(f -> out.println(text(f)));
        }
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        if (format == Format.text) err.println(errors + " error(s), " + warnings + " warning(s) in " + files.size() + " script(s)");
        out.flush();
        return errors > 0 ? 1 : 0;
    }

    /** The calls the 2026 scripts among the files make, with paths on the shared drive root. */
    private static List<eyn.analysis.CallSite> calls(List<Entry> files, Path root) {
        List<eyn.analysis.CallSite> out = new ArrayList<>();
        Path base = root.toAbsolutePath().normalize();
        for (Entry entry : files) {
            Path file = entry.file().toAbsolutePath().normalize();
            if (entry.problem() != null || !file.startsWith(base)) continue;
            try {
                String text = ScriptInput.read(file, ScriptInput.MAX_SCRIPT_BYTES);
                out.addAll(eyn.analysis.CallSite.in("/" + base.relativize(file).toString().replace('\\', '/'), text));
            } catch (IOException | RuntimeException e) {
                // reported when the file itself is checked
            }
        }
        return out;
    }

    private boolean reported(Severity s) {
        return switch (severity) {
            case error -> s == Severity.ERROR;
            case warning -> s != Severity.INFO;
            case info -> true;
        };
    }

    private static Finding unchecked(Path file, String why) {
        return new Finding(file, 0, 0, 0, Severity.WARNING, "not checked: " + why, UNCHECKED);
    }

    /**
     * The scripts under the roots, in order. A folder or file that cannot be read, and a script name
     * that is not a regular file (a FIFO, a device), become entries with a problem; the walk goes on.
     * A root that does not exist is a usage error.
     */
    static List<Entry> scripts(List<Path> roots) throws IOException {
        List<Entry> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                List<Entry> found = new ArrayList<>();
                Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes a) {
                        String name = p.getFileName().toString();
                        if (name.endsWith(".eyn") || name.endsWith(".shell") || a.isRegularFile() && isBinariesScript(p)) {
                            if (a.isRegularFile()) found.add(new Entry(p, null));
                            else if (!a.isSymbolicLink() && !a.isDirectory()) found.add(new Entry(p, "not a regular file (a FIFO, device or socket)"));
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
                        found.add(new Entry(p, "cannot be read (" + (e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())) + ")"));
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
                found.sort(java.util.Comparator.comparing(Entry::file));
                files.addAll(found);
            } else if (Files.exists(root)) {
                files.add(new Entry(root, null));
            } else {
                throw new IOException("no such file or folder: " + escape(root.toString()));
            }
        }
        return files;
    }

    /** An extensionless file in a binaries/ folder whose first byte is '#': a 2026 script installed as a program. */
    static boolean isBinariesScript(Path p) {
        String name = p.getFileName().toString();
        Path parent = p.getParent();
        if (name.contains(".") || parent == null || parent.getFileName() == null
                || !parent.getFileName().toString().equals("binaries")) return false;
        try (java.io.InputStream in = Files.newInputStream(p)) {
            return in.read() == '#';
        } catch (IOException e) {
            return false;
        }
    }

    /** Control characters (a newline in a file name...) as escapes, so that one finding is always one line. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != 0x7F && c != '\u2028' && c != '\u2029') {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.substring(0, i));
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }

    static String text(Finding f) {
        return escape(f.file().toString()) + ":" + (f.line() + 1) + ":" + (f.startColumn() + 1) + ": " + f.severity().name().toLowerCase() + ": "
                + escape(f.message()) + " [" + f.code() + "]";
    }

    /** A SARIF artifact URI: a relative URI reference for a relative path, else a file: URI. */
    static String uri(Path file) {
        if (file.isAbsolute()) return file.toUri().toASCIIString();
        StringBuilder b = new StringBuilder();
        for (Path part : file.normalize()) {
            if (b.length() > 0) b.append('/');
            try {
                b.append(new java.net.URI(null, null, part.toString(), null).toASCIIString().replace(":", "%3A"));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.toString();
    }

    static String json(List<Finding> findings) {
        JsonArray array = new JsonArray();
        for (Finding f : findings) {
            JsonObject o = new JsonObject();
            o.addProperty("file", f.file().toString());
            o.addProperty("line", f.line() + 1);
            o.addProperty("column", f.startColumn() + 1);
            o.addProperty("endLine", f.line() + 1);
            o.addProperty("endColumn", f.endColumn() + 1);
            o.addProperty("severity", f.severity().name().toLowerCase());
            o.addProperty("code", f.code());
            o.addProperty("message", f.message());
            array.add(o);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(array);
    }

    static String sarif(List<Finding> findings) {
        JsonObject log = new JsonObject();
        log.addProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.addProperty("version", "2.1.0");
        JsonObject run = new JsonObject();
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "eyn check");
        driver.addProperty("informationUri", "https://github.com/Hdev-Group/EYN-OS");
        JsonArray rules = new JsonArray();
        for (DiagnosticCode c : DiagnosticCode.values()) {
            JsonObject rule = new JsonObject();
            rule.addProperty("id", c.code);
            JsonObject description = new JsonObject();
            description.addProperty("text", c.title);
            rule.add("shortDescription", description);
            rules.add(rule);
        }
        driver.add("rules", rules);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        run.add("tool", tool);
        JsonArray results = new JsonArray();
        JsonObject uncheckedRule = new JsonObject();
        uncheckedRule.addProperty("id", UNCHECKED);
        JsonObject uncheckedText = new JsonObject();
        uncheckedText.addProperty("text", "A file or folder that could not be checked (binary, unreadable or not a regular file)");
        uncheckedRule.add("shortDescription", uncheckedText);
        rules.add(uncheckedRule);
        for (Finding f : findings) {
            JsonObject r = new JsonObject();
            r.addProperty("ruleId", f.code());
            r.addProperty("level", switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "note";
            });
            JsonObject message = new JsonObject();
            message.addProperty("text", f.message());
            r.add("message", message);
            JsonObject region = new JsonObject();
            region.addProperty("startLine", f.line() + 1);
            region.addProperty("startColumn", f.startColumn() + 1);
            region.addProperty("endColumn", f.endColumn() + 1);
            JsonObject artifact = new JsonObject();
            artifact.addProperty("uri", uri(f.file()));
            JsonObject physical = new JsonObject();
            physical.add("artifactLocation", artifact);
            physical.add("region", region);
            JsonObject location = new JsonObject();
            location.add("physicalLocation", physical);
            JsonArray locations = new JsonArray();
            locations.add(location);
            r.add("locations", locations);
            results.add(r);
        }
        run.add("results", results);
        JsonArray runs = new JsonArray();
        runs.add(run);
        log.add("runs", runs);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log);
    }
}
