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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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

    record Finding(Path file, Diagnostic diagnostic) {}

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<Path> files;
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
        int n = 0;
        for (Path file : files) {
            if (progress) err.print("\r[eyn check] " + (++n) + "/" + files.size() + " " + file + "\u001b[K");
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Path root = driveRoot != null ? driveRoot : file.toAbsolutePath().getParent();
                Path rel = file.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())
                        ? root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()) : null;
                Workspace ws = Workspace.of(TreeDrive.overFolder(new HostFolder(root), false));
                Analysis analysis = Analyzer.analyze(rel == null ? null : "/" + rel.toString().replace('\\', '/'), text, ws, settings);
                for (Diagnostic d : analysis.diagnostics()) if (reported(d.severity())) findings.add(new Finding(file, d));
                if (format == Format.text) err.println(file + ": " + analysis.profileChoice().describe());
            } catch (IOException | RuntimeException e) {
                err.println("eyn check: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
        }
        if (progress) err.print("\r\u001b[K");
        switch (format) {
            case json -> out.println(json(findings));
            case sarif -> out.println(sarif(findings));
            default -> findings.forEach(f -> out.println(text(f)));
        }
        long errors = findings.stream().filter(f -> f.diagnostic().severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.diagnostic().severity() == Severity.WARNING).count();
        if (format == Format.text) err.println(errors + " error(s), " + warnings + " warning(s) in " + files.size() + " script(s)");
        out.flush();
        return errors > 0 ? 1 : 0;
    }

    private boolean reported(Severity s) {
        return switch (severity) {
            case error -> s == Severity.ERROR;
            case warning -> s != Severity.INFO;
            case info -> true;
        };
    }

    static List<Path> scripts(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                files.add(root);
            } else if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(CheckCommand::isScript).sorted().forEach(files::add);
                }
            } else {
                throw new IOException("no such file or folder: " + root);
            }
        }
        return files;
    }

    /** .eyn and .shell files, and extensionless files in a binaries/ folder whose first byte is '#' (2026 scripts). */
    static boolean isScript(Path p) {
        String name = p.getFileName().toString();
        if (name.endsWith(".eyn") || name.endsWith(".shell")) return true;
        Path parent = p.getParent();
        if (name.contains(".") || parent == null || parent.getFileName() == null
                || !parent.getFileName().toString().equals("binaries")) return false;
        try (java.io.InputStream in = Files.newInputStream(p)) {
            return in.read() == '#';
        } catch (IOException e) {
            return false;
        }
    }

    static String text(Finding f) {
        Diagnostic d = f.diagnostic();
        return f.file() + ":" + (d.line() + 1) + ":" + (d.startColumn() + 1) + ": " + d.severity().name().toLowerCase() + ": "
                + d.message() + " [" + d.code().code + "]";
    }

    static String json(List<Finding> findings) {
        JsonArray array = new JsonArray();
        for (Finding f : findings) {
            Diagnostic d = f.diagnostic();
            JsonObject o = new JsonObject();
            o.addProperty("file", f.file().toString());
            o.addProperty("line", d.line() + 1);
            o.addProperty("column", d.startColumn() + 1);
            o.addProperty("endLine", d.line() + 1);
            o.addProperty("endColumn", d.endColumn() + 1);
            o.addProperty("severity", d.severity().name().toLowerCase());
            o.addProperty("code", d.code().code);
            o.addProperty("message", d.message());
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
        for (Finding f : findings) {
            Diagnostic d = f.diagnostic();
            JsonObject r = new JsonObject();
            r.addProperty("ruleId", d.code().code);
            r.addProperty("level", switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "note";
            });
            JsonObject message = new JsonObject();
            message.addProperty("text", d.message());
            r.add("message", message);
            JsonObject region = new JsonObject();
            region.addProperty("startLine", d.line() + 1);
            region.addProperty("startColumn", d.startColumn() + 1);
            region.addProperty("endColumn", d.endColumn() + 1);
            JsonObject artifact = new JsonObject();
            artifact.addProperty("uri", f.file().toString().replace('\\', '/'));
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
