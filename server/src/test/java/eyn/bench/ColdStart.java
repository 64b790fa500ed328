package eyn.bench;

import eyn.bench.ScriptGenerators.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;

/**
 * What each cold-start step buys: for a series of JVM option sets (the JVM's defaults, the former
 * {@code -Xmx2g} alone, then the CDS archive, Serial GC and C1-only added one by one), new processes
 * of {@code eyn check} on a 10,000-line script and of {@code eyn lsp} from process start to the first
 * diagnostics of a 10,000- and a 50,000-line script, with the server's resident memory then. The option sets take turns, so a busy machine
 * slows them alike; each figure is the median over the repetitions, wall-clock and CPU time (user +
 * system of the server process, which the machine's load inflates less).
 * Usage: {@code ColdStart path/to/eyn.jar [--repeat=7]}.
 */
public final class ColdStart {
    private ColdStart() { }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("org.eclipse.lsp4j").setLevel(java.util.logging.Level.SEVERE);
        Path jar = Path.of(args.length > 0 ? args[0] : "server/target/eyn.jar").toAbsolutePath();
        int repeat = 7;
        for (String a : args) if (a.startsWith("--repeat=")) repeat = Integer.parseInt(a.substring(9));
        Path archive = jar.resolveSibling("eyn.jsa");
        if (!Files.isRegularFile(archive)) throw new IllegalStateException("no " + archive + ": build with mvn package first");
        List<String> cds = Launch.cds(archive);
        Map<String, List<String>> configs = new LinkedHashMap<>();
        configs.put("JVM defaults (java -jar)", List.of());
        configs.put("-Xmx2g (the launcher before)", List.of("-Xmx2g"));
        configs.put("-Xmx2g + CDS", concat(List.of("-Xmx2g"), cds));
        configs.put("-Xmx2g -Xms32m -XX:+UseSerialGC + CDS (the launcher's before)", concat(List.of("-Xmx2g", "-Xms32m", "-XX:+UseSerialGC"), cds));
        configs.put("-Xmx2g -Xms96m -Xmn64m -XX:+UseSerialGC + CDS (the launcher's for eyn check)", concat(Launch.FLAGS, cds));
        // the launcher gives eyn lsp C1 alone since session 13 (before, this row was "not chosen")
        configs.put("the same + -XX:TieredStopAtLevel=1 (the launcher's for eyn lsp)", concat(concat(Launch.FLAGS, Launch.LSP_FLAGS), cds));

        Path dir = Files.createTempDirectory("eyn-cold");
        Files.writeString(dir.resolve("data.txt"), "0123456789abcdefghijklmnop");
        Path script10k = dir.resolve("check-10000.eyn");
        Files.writeString(script10k, ScriptGenerators.generate(Kind.R13, 10_000));
        String text10k = ScriptGenerators.generate(Kind.R13, 10_000);
        String text50k = ScriptGenerators.generate(Kind.R13, 50_000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, double[][]> figures = new LinkedHashMap<>(); // per config: [measure][repetition]; measures: check wall, cpu, lsp10k wall, cpu, lsp50k wall, cpu
        for (String c : configs.keySet()) figures.put(c, new double[8][repeat]);
        System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim());
        for (int r = 0; r < repeat; r++) {
            for (var e : configs.entrySet()) {
                double[][] f = figures.get(e.getKey());
                List<String> check = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", dir.resolve("time.txt").toString(), java));
                check.addAll(e.getValue());
                check.addAll(List.of("-jar", jar.toString(), "check", script10k.toString()));
                long t = System.nanoTime();
                Process p = new ProcessBuilder(check).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor();
                f[0][r] = (System.nanoTime() - t) / 1e6;
                List<String> timeLines = Files.readAllLines(dir.resolve("time.txt")); // "Command exited with non-zero status 1" first when check found errors
                String[] cpu = timeLines.get(timeLines.size() - 1).trim().split("\\s+");
                f[1][r] = (Double.parseDouble(cpu[0]) + Double.parseDouble(cpu[1])) * 1000;
                List<String> lsp = new ArrayList<>(List.of(java));
                lsp.addAll(e.getValue());
                lsp.addAll(List.of("-jar", jar.toString(), "lsp"));
                double[] ten = firstDiagnostics(lsp, dir, text10k);
                double[] fifty = firstDiagnostics(lsp, dir, text50k);
                f[2][r] = ten[0];
                f[3][r] = ten[1];
                f[4][r] = fifty[0];
                f[5][r] = fifty[1];
                f[6][r] = ten[2];
                f[7][r] = fifty[2];
            }
            System.out.println("repetition " + (r + 1) + " of " + repeat + " done; load " + Files.readString(Path.of("/proc/loadavg")).trim());
        }
        System.out.println();
        System.out.println("| JVM options | eyn check, 10k lines: wall / CPU | LSP start → first diagnostics, 10k: wall / CPU | 50k: wall / CPU | RSS then, 10k / 50k |");
        System.out.println("|---|---|---|---|---|");
        for (var e : figures.entrySet()) {
            double[][] f = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %.0f / %.0f ms | %.0f / %.0f ms | %.0f / %.0f ms | %.0f / %.0f MB |%n", e.getKey(),
                    LspBenchmark.p(f[0], 50), LspBenchmark.p(f[1], 50), LspBenchmark.p(f[2], 50), LspBenchmark.p(f[3], 50),
                    LspBenchmark.p(f[4], 50), LspBenchmark.p(f[5], 50), LspBenchmark.p(f[6], 50), LspBenchmark.p(f[7], 50));
        }
        System.out.println("(medians of " + repeat + "; CPU = user + system time of the server process)");
        System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** Wall-clock and CPU milliseconds from process start to the first diagnostics of the opened script, and the RSS in MB then. */
    private static double[] firstDiagnostics(List<String> command, Path dir, String text) throws Exception {
        LspBenchmark.Session s = new LspBenchmark.Session(command, dir);
        try {
            InitializeParams init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            init.setRootUri(dir.toUri().toString());
            init.setCapabilities(new ClientCapabilities());
            s.server.initialize(init).get(60, TimeUnit.SECONDS);
            s.server.initialized(new InitializedParams());
            String uri = dir.resolve("cold.eyn").toUri().toString();
            s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eyn", 1, text)));
            if (!s.awaitDiagnostics(uri, 1, 60_000)) throw new IllegalStateException("no diagnostics from " + command);
            double wall = s.sinceStart();
            return new double[] {wall, s.cpuMs(), s.rssKb() / 1024.0};
        } finally {
            s.stop();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
