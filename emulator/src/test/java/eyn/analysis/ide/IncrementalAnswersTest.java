package eyn.analysis.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyn.analysis.Analysis;
import eyn.analysis.AnalysisSettings;
import eyn.analysis.Analyzer;
import eyn.analysis.CursorAnalysis;
import eyn.analysis.Workspace;
import eyn.language.Parser;
import eyn.language.Script;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import eyn.profile.ProfileChoice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The language server answers from the cursor and re-parses only what an edit touched. Thousands of
 * random edits (typing, new lines, deleted lines, block keywords) check that each incremental answer
 * equals the one a from-scratch parse and analysis of the same text gives: syntax problems and block
 * links, diagnostics, symbols, semantic tokens, and completion, hover and signature help at the
 * edited line and at a random line.
 */
class IncrementalAnswersTest {
    private static final String[] R13 = {
        "set X=1", "set Y=$X", "set COUNT=$(calc $COUNT+1)", "zopen a.txt r", "zopen b.txt rw", "zread 0 4", "zwrite 1 hi",
        "zclose 0", "zclose 1", "ifeq $X 1", "ifneq $Y 2", "else", "endif", "loop 2", "loop $X", "endloop", "mmap a.txt",
        "msync 0x01000000", "echo $X $Y", "cd sub", "# a comment", "run s.eyn", "ls", "zseek 0 0 set", "", "  echo indented",
        "predict stats", "zstats", "write a.txt", "set =bad", "zopne x",
    };
    private static final String[] Y2026 = {
        "set A=1", "set B=$A", "set C=$(calc 1+2)", "if $A == 1", "if exists a.txt", "elif $B != 2", "else", "endif",
        "while $A != 3", "endwhile", "echo $A $1", "ls", "cat a.txt", "calc 1+2", "# note", "", "cd sub", "exit 0",
        "read a.txt | search x", "set A=$(calc $A+1)", "ifeq $A 1", "zopen a.txt r",
    };
    private static final String TYPED = "abcdefghijklmnopqrstuvwxyz $=1 (";

    @Test
    void incrementalAnswersEqualThoseOfAFreshAnalysis() throws Exception {
        TreeDrive drive = TreeDrive.inMemory();
        drive.write("/a.txt", ChunkedBytes.of("abc".getBytes(StandardCharsets.UTF_8)));
        drive.makeDirectory("/sub");
        drive.write("/s.eyn", ChunkedBytes.of("echo hi\n".getBytes(StandardCharsets.UTF_8)));
        Workspace ws = Workspace.of(drive);
        AnalysisSettings settings = AnalysisSettings.defaults().withDryRun(false);
        Random random = new Random(20261201);
        int checked = 0;
        for (int doc = 0; doc < 60; doc++) {
            boolean y2026 = doc % 2 == 1;
            String[] pool = y2026 ? Y2026 : R13;
            List<String> lines = new ArrayList<>();
            if (y2026) lines.add("# eyn: profile=2026");
            for (int i = 0, n = 3 + random.nextInt(30); i < n; i++) lines.add(pool[random.nextInt(pool.length)]);
            Script script = null;
            Analysis previous = null;
            for (int edit = 0; edit < 80; edit++) {
                int at = edit(lines, pool, random);
                String text = String.join("\n", lines) + "\n";
                ProfileChoice choice = Analyzer.choose(text, settings);
                Script incremental = Parser.parse("/t.eyn", lines, true, choice.profile().dialect(), script);
                Script fresh = Parser.parse("/t.eyn", text, choice.profile().dialect());
                String context = "document " + doc + ", edit " + edit + " at line " + at + ":\n" + text;
                sameParse(fresh, incremental, context);

                Analysis scratch = Analyzer.analyze(fresh, text, "/t.eyn", ws, settings, choice);
                for (int line : new int[] {at, random.nextInt(lines.size() + 1)}) {
                    Analysis cursor = CursorAnalysis.at(incremental, choice, previous, line, "/t.eyn", ws, settings);
                    String where = context + "\nat line " + line;
                    int length = line < lines.size() ? lines.get(line).length() : 0;
                    for (int column : new int[] {0, length / 2, length, random.nextInt(length + 1)}) {
                        assertEquals(Completions.at(scratch, ws, line, column), Completions.at(cursor, ws, line, column), where + ":" + column);
                        assertEquals(Hover.at(scratch, line, column), Hover.at(cursor, line, column), where + ":" + column);
                        assertEquals(SignatureHelp.at(scratch, line, column), SignatureHelp.at(cursor, line, column), where + ":" + column);
                        checked++;
                    }
                }
                Analysis full = Analyzer.analyze(incremental, text, "/t.eyn", ws, settings, choice);
                assertEquals(scratch.diagnostics(), full.diagnostics(), context);
                assertEquals(Symbols.document(scratch), Symbols.document(full), context);
                assertEquals(SemanticTokens.of(fresh, choice.profile().commands()), SemanticTokens.of(incremental, choice.profile().commands()), context);
                script = incremental;
                previous = full;
            }
        }
        assertEquals(60 * 80 * 2 * 4, checked);
    }

    /** Applies one random edit, as a user types; returns the line it touched. */
    private static int edit(List<String> lines, String[] pool, Random random) {
        int at = random.nextInt(lines.size() + 1);
        switch (random.nextInt(6)) {
            case 0 -> lines.add(at, pool[random.nextInt(pool.length)]);
            case 1 -> lines.add(at, String.valueOf(TYPED.charAt(random.nextInt(TYPED.length()))));
            case 2 -> {
                if (lines.size() > 1 && at < lines.size()) lines.remove(at);
                else lines.add(at, pool[random.nextInt(pool.length)]);
            }
            case 3 -> {
                if (at == lines.size()) at--;
                String old = lines.get(at);
                int col = random.nextInt(old.length() + 1);
                lines.set(at, old.substring(0, col) + TYPED.charAt(random.nextInt(TYPED.length())) + old.substring(col));
            }
            case 4 -> {
                if (at == lines.size()) at--;
                lines.set(at, pool[random.nextInt(pool.length)]);
            }
            default -> {
                for (int k = random.nextInt(4); k >= 0; k--) lines.add(at, pool[random.nextInt(pool.length)]);
            }
        }
        return Math.min(at, lines.size() - 1);
    }

    private static void sameParse(Script fresh, Script incremental, String context) {
        assertEquals(fresh.size(), incremental.size(), context);
        assertEquals(fresh.problems(), incremental.problems(), context);
        for (int i = 0; i < fresh.size(); i++) {
            assertEquals(fresh.line(i), incremental.line(i), context);
            assertEquals(fresh.openerOf(i), incremental.openerOf(i), context);
            assertEquals(fresh.endOf(i), incremental.endOf(i), context);
            assertEquals(fresh.elseOf(i), incremental.elseOf(i), context);
        }
    }
}
