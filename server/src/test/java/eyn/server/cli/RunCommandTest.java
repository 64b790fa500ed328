package eyn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aCleanScriptExitsZeroAndAFailedCommandOne() throws IOException {
        CliRunner.Result ok = CliRunner.run("run", script("ok.eyn", "echo hi\n").toString(), "--no-color");
        assertEquals(0, ok.status());
        assertEquals("hi\n", ok.out());
        CliRunner.Result bad = CliRunner.run("run", script("bad.eyn", "nosuch\necho still runs\n").toString(), "--no-color");
        assertEquals(1, bad.status());
        assertEquals("Command not found: nosuch\nstill runs\n", bad.out());
    }

    @Test
    void usageErrorsAndUnreadableScriptsExitTwo() throws IOException {
        assertEquals(2, CliRunner.run("run").status());
        assertEquals(2, CliRunner.run("run", "--bogus", "x.eyn").status());
        CliRunner.Result missing = CliRunner.run("run", dir.resolve("missing.eyn").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("cannot read script"), missing.err());
        Path s = script("s.eyn", "echo x\n");
        assertEquals(2, CliRunner.run("run", s.toString(), "--ram", "0").status());
        assertEquals(2, CliRunner.run("run", s.toString(), "--drive", "x=" + dir).status());
        assertEquals(2, CliRunner.run("run", s.toString(), "--drive", "1=" + dir.resolve("nope")).status());
        assertEquals(2, CliRunner.run("run", dir.toString()).status(), "a folder is not a script");
    }

    @Test
    void summaryGoesToStderr() throws IOException {
        CliRunner.Result r = CliRunner.run("run", script("s.eyn", "echo a\nnosuch\nloop 2\necho b\nendloop\n").toString(),
                "--summary", "--no-color");
        assertEquals("a\nCommand not found: nosuch\nb\nb\n", r.out());
        assertTrue(r.err().contains("Lines processed: 7"), r.err());
        assertTrue(r.err().contains("Commands run: 4"), r.err());
        assertTrue(r.err().contains("Commands failed: 1"), r.err());
    }

    @Test
    void locationsFollowEachFailedCommandAsHostFileAndLine() throws IOException {
        script("sub.eyn", "echo in sub\nbogus\n");
        Path main = script("main.eyn", "echo hi\nzopne x\nrun sub.eyn\necho done\n");
        CliRunner.Result r = CliRunner.run("run", main.toString(), "--no-color", "--locations");
        assertEquals(1, r.status());
        String sub = dir.resolve("sub.eyn").toAbsolutePath().normalize().toString();
        assertEquals("hi\nCommand not found: zopne\n  at " + main.toAbsolutePath().normalize() + ":2\n"
                + "in sub\nCommand not found: bogus\n  at " + sub + ":2\ndone\n", r.out());
        // a 2026 script names itself /main.shell, which is still its own file; colour makes the line grey
        Path y = script("y.shell", "# eyn: profile=2026\nnosuch\n");
        CliRunner.Result coloured = CliRunner.run("run", y.toString(), "--color", "--locations");
        assertTrue(coloured.out().endsWith("\u001b[90m  at " + y.toAbsolutePath().normalize() + ":2\u001b[0m\n"), coloured.out());
        assertEquals("hi\nCommand not found: zopne\nin sub\nCommand not found: bogus\ndone\n",
                CliRunner.run("run", main.toString(), "--no-color").out(), "without --locations the output is EYN-OS's own");
    }

    @Test
    void colourIsAnsiWhenAsked() throws IOException {
        CliRunner.Result r = CliRunner.run("run", script("c.eyn", "nosuch\n").toString(), "--color");
        assertEquals("\u001b[31mCommand not found: nosuch\u001b[0m\n", r.out());
    }

    @Test
    void filesChangeOnDiskOnlyWithPersist() throws IOException {
        Files.writeString(dir.resolve("data.txt"), "old");
        Path s = script("w.eyn", "zopen data.txt rw\nzwrite 0 NEW\nzclose 0\nmakedir made\n");
        assertEquals(0, CliRunner.run("run", s.toString()).status());
        assertEquals("old", Files.readString(dir.resolve("data.txt")));
        assertFalse(Files.exists(dir.resolve("made")));
        assertEquals(0, CliRunner.run("run", s.toString(), "--persist").status());
        assertEquals("NEW", Files.readString(dir.resolve("data.txt")));
        assertTrue(Files.isDirectory(dir.resolve("made")));
    }

    @Test
    void extraDrivesAreReachableWithTheDriveCommand() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("x.txt"), "on drive two");
        Path s = script("d.eyn", "drive 2\nread x.txt\n");
        CliRunner.Result r = CliRunner.run("run", s.toString(), "--drive", "2=" + other, "--no-color");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("on drive two"));
    }

    @Test
    void aMemoryDriveStartsEmptyAndLeavesNoTrace() throws IOException {
        Path s = script("m.eyn", "drive 3\nls\nmakedir scratch\nls\n");
        CliRunner.Result r = CliRunner.run("run", s.toString(), "--drive", "3=:memory:", "--persist", "--no-color");
        assertEquals(0, r.status(), r.out());
        assertEquals("Switched to drive 3\nDirectory '/scratch' created successfully.\nscratch/\n", r.out());
        assertFalse(Files.exists(dir.resolve("scratch")));
    }

    @Test
    void aStepBudgetStopsAnEndlessLoop() throws IOException {
        CliRunner.Result r = CliRunner.run("run", script("l.eyn", "loop 2147483647\nset X=1\nendloop\n").toString(),
                "--max-steps", "1000", "--no-color");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("step budget of 1000 statements exhausted"), r.out());
    }

    @Test
    void seedChangesRandomNumbers() throws IOException {
        Path s = script("r.eyn", "random\n");
        String one = CliRunner.run("run", s.toString()).out();
        assertEquals(one, CliRunner.run("run", s.toString(), "--seed", "1").out());
        assertFalse(one.equals(CliRunner.run("run", s.toString(), "--seed", "2").out()));
    }

    @Test
    void faithfulReproducesEynOsBugs() throws IOException {
        Path s = script("f.eyn", "calc 2+3*4\npredict stats\n");
        assertTrue(CliRunner.run("run", s.toString(), "--no-color").out().contains("Result: 14"));
        String faithful = CliRunner.run("run", s.toString(), "--no-color", "--faithful").out();
        assertTrue(faithful.contains("Result: 0") && faithful.contains("Prediction score: 2f"), faithful);
        assertEquals(faithful, CliRunner.run("run", s.toString(), "--no-color", "--fidelity", "faithful").out());
        assertTrue(CliRunner.run("run", s.toString(), "--no-color", "--fidelity", "fixed").out().contains("Result: 14"));
        CliRunner.Result bad = CliRunner.run("run", s.toString(), "--fidelity", "sloppy");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--fidelity takes fixed or faithful"), bad.err());
        assertEquals(2, CliRunner.run("run", s.toString(), "--faithful", "--fidelity", "fixed").status());
    }

    @Test
    void ctrlCStopsAnEndlessScriptWithACleanMessage() throws Exception {
        ctrlCStops(script("forever.eyn", "echo started\nloop 2147483647\nset X=1\nendloop\n"), "forever.eyn");
    }

    @Test
    void ctrlCStopsAnEndless2026While() throws Exception {
        ctrlCStops(script("spin.shell", "# eyn: profile=2026\necho started\nwhile 1\nset X=1\nendwhile\n"), "/spin.shell");
    }

    private void ctrlCStops(Path s, String name) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "eyn.server.Main", "run", s.toString(), "--no-color")
                .start();
        InputStream out = p.getInputStream();
        byte[] first = out.readNBytes("started\n".length());
        assertEquals("started\n", new String(first, StandardCharsets.UTF_8));
        Thread.sleep(300);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "eyn did not stop on SIGINT");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(130, p.exitValue(), err);
        assertTrue(err.startsWith("eyn: interrupted before " + name + ":"), err);
    }

    @Test
    void scriptArgumentsAndTheProfileReachA2026Script() throws IOException {
        Path s = script("args.shell", "# eyn: profile=2026\necho $0 got $1 and $2\n");
        CliRunner.Result r = CliRunner.run("run", s.toString(), "one", "two", "--summary");
        assertEquals("/args.shell got one and two\n", r.out());
        assertTrue(r.err().startsWith("Profile: 2026 (comment: '# eyn: profile=2026' on line 1)"), r.err());
        assertEquals(2, CliRunner.run("run", s.toString(), "--profile", "2025").status(), "an unknown profile is a usage error");
        Path plain = script("plain.shell", "echo [$1]\n");
        assertEquals("[x]\n", CliRunner.run("run", plain.toString(), "x").out(), "auto: $1 means 2026");
        assertEquals("[]\n", CliRunner.run("run", plain.toString(), "--profile", "r13", "x").out(),
                "Release 13 has no arguments: $1 is an unset variable");
        assertEquals("/args.shell got one and \n", CliRunner.run("run", s.toString(), "--profile", "r13", "one").out(),
                "the first-line comment wins over --profile");
    }

    @Test
    void theFaithfulFidelitySkipsEvery2026BlockBody() throws IOException {
        Path s = script("bug.shell", "# eyn: profile=2026\nif 1\necho inside\nendif\necho after\n");
        assertEquals("inside\nafter\n", CliRunner.run("run", s.toString()).out());
        assertEquals("after\n", CliRunner.run("run", s.toString(), "--fidelity", "faithful").out());
    }

    @Test
    void helpAndShellCompletionAreGenerated() {
        CliRunner.Result help = CliRunner.run("run", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--persist"), help.out());
        CliRunner.Result completion = CliRunner.run("generate-completion");
        assertEquals(0, completion.status());
        assertTrue(completion.out().contains("complete -F"), "a bash completion script");
    }

    private static Process child(String xmx, String... args) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), xmx, "-cp", System.getProperty("java.class.path"), "eyn.server.Main"));
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command).start();
    }

    @Test
    void devicesFifosAndHugeScriptsAreRefusedUnread() throws Exception {
        if (Files.exists(Path.of("/dev/zero"))) {
            CliRunner.Result zero = CliRunner.run("run", "/dev/zero");
            assertEquals(2, zero.status());
            assertTrue(zero.err().contains("cannot read script /dev/zero: not a regular file"), zero.err());
        }
        Path fifo = dir.resolve("fifo.eyn");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            CliRunner.Result f = CliRunner.run("run", fifo.toString());
            assertEquals(2, f.status(), "a FIFO is refused before it is opened (opening would block)");
            assertTrue(f.err().contains("not a regular file"), f.err());
        }
        Path huge = dir.resolve("huge.eyn");
        try (java.io.RandomAccessFile r = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            r.setLength(ScriptInput.MAX_SCRIPT_BYTES + 1); // sparse: no disk used
        }
        CliRunner.Result h = CliRunner.run("run", huge.toString());
        assertEquals(2, h.status());
        assertTrue(h.err().contains("over the limit of 16777216 bytes"), h.err());
    }

    @Test
    void aClosedOutputStopsTheRunAtOnce() throws Exception {
        Path s = script("yes.eyn", "loop 2000000000\necho y\nendloop\n");
        Process p = child("-Xmx128m", "run", s.toString(), "--no-color");
        try {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("y", lines.readLine());
            assertEquals("y", lines.readLine());
            p.getInputStream().close(); // as head -2 does
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "eyn run must stop when its output is closed");
            assertEquals(RunCommand.BROKEN_PIPE, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void runningOutOfHostMemoryIsOneLineWithStatusThreeAndTheOutputFlushed() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "0123456789abcdefghij");
        // two fds tee into each other: at --ram 4096 each may grow to 4 GiB, far past a 64 MiB heap
        Path s = script("grow.eyn", "echo start\nzopen a.txt rw\nzopen a.txt rw\nloop 60\nzseek 1 0 end\nztee 0 1 2147483647\n"
                + "zseek 0 0 end\nzseek 1 0 set\nztee 1 0 2147483647\nzseek 0 0 set\nendloop\necho end\n");
        // a budget far past the heap (warned about) lets the JVM itself run out: the last resort must still hold
        Process p = child("-Xmx64m", "run", s.toString(), "--no-color", "--ram", "4096", "--memory-budget", "64G");
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(3, p.exitValue(), err);
            assertTrue(out.startsWith("start\n"), "the output printed before is flushed: " + out);
            List<String> lines = err.lines().toList();
            assertEquals(2, lines.size(), err);
            assertTrue(lines.get(0).startsWith("eyn: warning: --memory-budget 64G is more than the Java heap"), err);
            assertTrue(lines.get(1).startsWith("eyn: out of host memory"), err);
            assertFalse(err.contains("\tat "), "no stack trace: " + err);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theMemoryBudgetStopsGrowthWithTheOsMessageAndTheScriptGoesOn() throws Exception {
        // issue 10: files grown by ztee, each within the emulated RAM but together far past the Java heap
        Files.writeString(dir.resolve("seed.txt"), "x".repeat(5000));
        StringBuilder script = new StringBuilder("echo start\nzopen seed.txt r\n");
        for (int i = 1; i <= 6; i++) {
            Files.writeString(dir.resolve("f" + i + ".txt"), "y");
            script.append("zopen f").append(i).append(".txt rw\n");
        }
        script.append("loop 30\n");
        for (int i = 1; i <= 6; i++) script.append("ztee 0 ").append(i).append(" 5000\n");
        script.append("endloop\nloop 12\n");
        for (int i = 1; i < 6; i++) {
            script.append("zseek ").append(i).append(" 0 set\nzseek ").append(i + 1).append(" 0 end\nztee ").append(i)
                    .append(' ').append(i + 1).append(" 2147483647\n");
        }
        script.append("endloop\nzstats\necho end\n");
        Path s = script("budget.eyn", script.toString());
        Process p = child("-Xmx128m", "run", s.toString(), "--no-color");
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // read as it comes: a full pipe would stop the child
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the run ends");
            assertEquals(1, p.exitValue(), "refused commands are failures, nothing worse: " + err);
            assertTrue(out.matches("(?s).*\\[MEMORY\\] Out of host memory \\(requested \\d+ bytes, in use: \\d+ KB, budget: \\d+ KB\\)\n"
                    + "Error: Out of memory for file extension\nTee failed\n.*"), out.substring(Math.max(0, out.length() - 2000)));
            assertTrue(out.endsWith("end\n"), "the script went on to its end");
            assertTrue(out.contains("Open files: 7"), "every fd still open and consistent");
            assertEquals("", err, "nothing on stderr: no OutOfMemoryError, no stack trace");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aHundredFilesWrittenBackToTheDriveCountAgainstTheBudgetToo() throws Exception {
        // each file is grown through an fd and closed: what holds the bytes then is the drive, not an fd
        Files.writeString(dir.resolve("seed.txt"), "x".repeat(5000));
        StringBuilder script = new StringBuilder("zopen seed.txt r\nzopen f0.txt rw\nloop 800\nztee 0 1 5000\nendloop\nzclose 1\nzclose 0\n");
        for (int i = 0; i < 100; i++) Files.writeString(dir.resolve("f" + i + ".txt"), "y");
        for (int i = 1; i < 100; i++) {
            script.append("zopen f").append(i - 1).append(".txt r\nzopen f").append(i).append(".txt rw\nzseek 1 0 end\n")
                    .append("ztee 0 1 2147483647\nzclose 1\nzclose 0\n");
        }
        script.append("echo end\n");
        Path s = script("hundred.eyn", script.toString());
        Process p = child("-Xmx128m", "run", s.toString(), "--no-color");
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // more than a pipe holds
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the run ends");
            assertEquals(1, p.exitValue(), err);
            assertTrue(out.contains("[MEMORY] Out of host memory (requested "), out.substring(Math.max(0, out.length() - 2000)));
            assertTrue(out.endsWith("end\n"), "the script went on to its end");
            assertEquals("", err, "no OutOfMemoryError, no stack trace");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aBadMemoryBudgetIsAUsageError() throws Exception {
        Path s = script("ok.eyn", "echo hi\n");
        CliRunner.Result r = CliRunner.run("run", s.toString(), "--memory-budget", "lots");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--memory-budget takes a size of at least 1M"), r.err());
        CliRunner.Result small = CliRunner.run("run", s.toString(), "--memory-budget", "4K");
        assertEquals(2, small.status(), small.err());
        CliRunner.Result fine = CliRunner.run("run", s.toString(), "--memory-budget", "16M");
        assertEquals(0, fine.status(), fine.err());
        assertEquals("hi\n", fine.out());
    }
}
