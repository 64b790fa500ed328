package eyn.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the emulator benchmarks with short settings (1 fork, 5 x 1 s warm-up, 5 x 1 s measurement,
 * GC profiler on, 4 GiB heap) and prints the figures against their targets. Five warm-up seconds
 * rather than three: on a 2-core machine the interpreter loop needs about four before C2 has
 * compiled it.
 *
 * <p>Run it with {@code mvn -o -pl emulator -Pbench test}. Arguments ({@code -Dbench.args="..."})
 * are JMH command-line options and override the defaults (e.g. {@code -wi 10 -prof stack}); the
 * benchmark patterns select benchmarks, and the pattern {@code heap} selects the zopen heap
 * measurement ({@link ZopenHeap}). Without patterns everything runs. JMH's JSON results go to
 * {@code target/jmh-results.json}.
 */
public final class Benchmarks {
    static final double STATEMENTS_TARGET = 1_000_000;
    static final double ZERO_COPY_RATIO_TARGET = 20;
    static final long ZOPEN_HEAP_TARGET = 1024 * 1024;
    static final double EYNFS_VS_HOST_TARGET = 3;

    private Benchmarks() {}

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        List<String> patterns = new ArrayList<>(cli.getIncludes());
        boolean heap = patterns.remove("heap");
        if (!heap && patterns.isEmpty()) {
            heap = true;
            patterns.add(Benchmarks.class.getPackageName() + "\\..*Bench\\..*");
        }

        ZopenHeap.Result zopenHeap = heap ? ZopenHeap.measure() : null;

        Map<String, RunResult> results = new LinkedHashMap<>();
        if (!patterns.isEmpty()) {
            // Forks, iterations and heap come from the benchmark classes' annotations; JMH options
            // given on the command line (the parent options) override them.
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .parent(cli)
                    .addProfiler(GCProfiler.class)
                    .shouldFailOnError(true);
            if (!cli.getResult().hasValue()) options.result("target/jmh-results.json");
            if (!cli.getResultFormat().hasValue()) options.resultFormat(ResultFormatType.JSON);
            if (cli.getIncludes().isEmpty()) for (String p : patterns) options.include(p);
            Collection<RunResult> run = new Runner(options.build()).run();
            for (RunResult r : run) results.put(shortName(r), r);
        }
        report(zopenHeap, results);
    }

    private static String shortName(RunResult r) {
        String full = r.getParams().getBenchmark();
        String[] parts = full.split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private static void report(ZopenHeap.Result heap, Map<String, RunResult> results) {
        StringBuilder out = new StringBuilder("\n==== EYN emulator benchmark figures ====\n");
        RunResult loop = results.get("InterpreterBench.loopOfSimpleStatements");
        if (loop != null) {
            double perSecond = score(loop);
            line(out, "(a) interpreter, loop of set/ifeq/echo/endif/endloop",
                    fmt("%,.0f statements/s (%s)", perSecond, error(loop)), perSecond >= STATEMENTS_TARGET, ">= 1,000,000 statements/s");
        }
        RunResult copy = results.get("ZeroCopyBench.arraycopy");
        for (String name : new String[] {"zspliceFds", "zteeFds", "zspliceScript", "zteeScript"}) {
            RunResult r = results.get("ZeroCopyBench." + name);
            if (r == null) continue;
            String figure = fmt("%,.1f us/op (%s), %s/op allocated", score(r), error(r), bytes(alloc(r)));
            if (copy == null) {
                line(out, "(b) " + name + " 64 MiB", figure, null, "");
            } else {
                double ratio = score(copy) / score(r);
                line(out, "(b) " + name + " 64 MiB", figure + fmt(", %,.0fx faster than arraycopy", ratio),
                        ratio >= ZERO_COPY_RATIO_TARGET, ">= 20x faster than arraycopy");
            }
        }
        if (copy != null) line(out, "(b) System.arraycopy 64 MiB", fmt("%,.1f us/op (%s)", score(copy), error(copy)), null, "");
        if (heap != null) {
            line(out, "(c) heap kept by one zopen of a 256 MiB file", bytes(heap.oneZopen()) + fmt(" (%,d B)", heap.oneZopen()),
                    heap.oneZopen() < ZOPEN_HEAP_TARGET, "< 1 MiB beyond the file's storage");
            line(out, "(c) heap kept per zopen, 10 fds of the same file", bytes(heap.perZopenOfTen()) + fmt(" (%,d B)", heap.perZopenOfTen()),
                    heap.perZopenOfTen() < ZOPEN_HEAP_TARGET, "< 1 MiB");
            line(out, "(c) the file's own storage on the drive", bytes(heap.fileStorage()), null, "");
        }
        RunResult zopen = results.get("ZopenBench.zopenZclose");
        if (zopen != null) {
            line(out, "(c) zopen+zclose of the 256 MiB file", fmt("%,.2f us/op (%s), %s/op allocated", score(zopen), error(zopen),
                    bytes(alloc(zopen))), alloc(zopen) < ZOPEN_HEAP_TARGET, "< 1 MiB allocated");
        }
        for (String name : new String[] {"snapshot", "restore"}) {
            RunResult r = results.get("SnapshotBench." + name);
            if (r != null) {
                line(out, "(d) " + name + ", 10 fds + 10 mappings", fmt("%,.1f us/op (%s), %s/op allocated", score(r), error(r),
                        bytes(alloc(r))), null, "");
            }
        }
        RunResult host = results.get("EynfsBench.hostCopy");
        RunResult forced = results.get("EynfsBench.hostCopyForced");
        if (host != null) line(out, "(e) host FileChannel copy of 64 MiB", fmt("%,.1f ms/op (%s)", score(host), error(host)), null, "");
        if (forced != null) line(out, "(e) the same, forced to disk", fmt("%,.1f ms/op (%s)", score(forced), error(forced)), null, "");
        RunResult commit = results.get("EynfsBench.writeAndCommit");
        if (commit != null) {
            String figure = fmt("%,.1f ms/op (%s), %s/op allocated", score(commit), error(commit), bytes(alloc(commit)));
            if (forced != null) {
                double ratio = score(commit) / score(forced);
                line(out, "(e) EYNFS write 64 MiB + commit (72 MiB, forced)", figure + fmt(", %.2fx the forced host copy", ratio),
                        ratio <= EYNFS_VS_HOST_TARGET, "within 3x of the forced host copy");
            } else {
                line(out, "(e) EYNFS write 64 MiB + commit (72 MiB, forced)", figure, null, "");
            }
        }
        for (String name : new String[] {"readFile", "writeFile"}) {
            RunResult r = results.get("EynfsBench." + name);
            if (r == null) continue;
            String figure = fmt("%,.1f ms/op (%s), %s/op allocated", score(r), error(r), bytes(alloc(r)));
            if (host == null) {
                line(out, "(e) EYNFS " + name + " 64 MiB", figure, null, "");
            } else {
                double ratio = score(r) / score(host);
                line(out, "(e) EYNFS " + name + " 64 MiB", figure + fmt(", %.2fx the host copy", ratio), ratio <= EYNFS_VS_HOST_TARGET,
                        "within 3x of the host copy");
            }
        }
        RunResult mount = results.get("EynfsBench.mount10k");
        if (mount != null) {
            line(out, "(e) EYNFS mount of an image with 10,000 files", fmt("%,.1f ms/op (%s), %s/op allocated", score(mount), error(mount),
                    bytes(alloc(mount))), null, "");
        }
        System.out.print(out);
        System.out.flush();
    }

    private static void line(StringBuilder out, String what, String figure, Boolean met, String target) {
        out.append(String.format(Locale.ROOT, "%-52s %s", what, figure));
        if (met != null) out.append("  [target ").append(target).append(": ").append(met ? "met" : "MISSED").append(']');
        out.append('\n');
    }

    private static double score(RunResult r) {
        return r.getPrimaryResult().getScore();
    }

    private static String error(RunResult r) {
        double e = r.getPrimaryResult().getScoreError();
        return Double.isNaN(e) ? "no error estimate" : fmt("+- %,.1f", e);
    }

    private static double alloc(RunResult r) {
        Result<?> a = r.getSecondaryResults().get("gc.alloc.rate.norm");
        return a == null ? Double.NaN : a.getScore();
    }

    private static String bytes(double b) {
        if (Double.isNaN(b)) return "n/a";
        if (Math.abs(b) >= 1024 * 1024) return fmt("%,.1f MiB", b / (1024 * 1024));
        if (Math.abs(b) >= 1024) return fmt("%,.1f KiB", b / 1024);
        return fmt("%,.0f B", b);
    }

    private static String fmt(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }
}
