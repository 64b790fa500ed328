package eyn.server.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StepBackArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An EYN-OS 2026 script under the debug adapter, over JSON-RPC: arguments, while passes, the block stack, D3 conditions. */
class Dap2026Test {
    @TempDir
    Path dir;

    static final String SCRIPT = String.join("\n",
            "# count up to $1",
            "set N=0",
            "while $N != $1",
            "set N=$(calc $N+1)",
            "if $N == 2",
            "echo two",
            "endif",
            "endwhile",
            "echo done with $N",
            "");

    @Test
    void argumentsWhilePassesAndTheBlockStackShowAtABreakpoint() throws Exception {
        Path p = dir.resolve("count.shell");
        Files.writeString(p, SCRIPT);
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("args", List.of("3"), "profile", "auto", "stopOnEntry", true));
            assertEquals("entry", dap.awaitStop().getReason());
            SetBreakpointsArguments b = new SetBreakpointsArguments();
            Source s = new Source();
            s.setPath(p.toString());
            b.setSource(s);
            SourceBreakpoint inside = new SourceBreakpoint();
            inside.setLine(6);
            inside.setCondition("$N == 2");
            b.setBreakpoints(new SourceBreakpoint[] {inside});
            assertTrue(dap.server.setBreakpoints(b).get(10, TimeUnit.SECONDS).getBreakpoints()[0].isVerified());
            dap.continueRun();
            assertEquals("breakpoint", dap.awaitStop().getReason());
            assertEquals(6, dap.top().getLine());
            assertTrue(dap.top().getName().contains("while line 3, pass 2"), dap.top().getName());
            assertEquals("2", dap.scope("Variables").get("N").getValue());
            Map<String, org.eclipse.lsp4j.debug.Variable> shell = dap.scope("Shell");
            assertEquals("EYN-OS 2026", shell.get("profile").getValue());
            assertEquals("3", shell.get("$1").getValue());
            assertTrue(shell.get("$0").getValue().endsWith("count.shell"), shell.get("$0").getValue());
            String stack = shell.get("block stack").getValue();
            assertTrue(stack.contains("while line 3 executing, pass 2") && stack.contains("if line 5 executing, taken"), stack);
            assertEquals("3", dap.evaluate("$1", "watch"));
            assertTrue(dap.evaluate("echo N is $N of $1", "repl").contains("N is 2 of 3"), "the console expands as the 2026 engine does");

            StepBackArguments back = new StepBackArguments();
            back.setThreadId(1);
            dap.server.stepBack(back).get(10, TimeUnit.SECONDS);
            dap.awaitStop();
            assertEquals(5, dap.top().getLine(), "back to the if");
            NextArguments next = new NextArguments();
            next.setThreadId(1);
            dap.server.next(next).get(10, TimeUnit.SECONDS);
            dap.awaitStop();
            assertEquals(6, dap.top().getLine());

            dap.continueRun();
            dap.terminated.get(20, TimeUnit.SECONDS);
            String out = dap.allOutput();
            assertTrue(out.contains("two\n") && out.contains("done with 3"), out);
        }
    }

    @Test
    void theFaithfulBlockBugSkipsTheBodyUnderTheDebuggerToo() throws Exception {
        Path p = dir.resolve("bug.shell");
        Files.writeString(p, "# the block bug\nif 1\necho inside\nendif\necho after\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("fidelity", "faithful", "profile", "2026"));
            dap.terminated.get(20, TimeUnit.SECONDS);
            String out = dap.allOutput();
            assertTrue(out.contains("after") && !out.contains("inside"), out);
        }
    }
}
