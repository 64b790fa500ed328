package eyn.analysis.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyn.analysis.Analysis;
import eyn.analysis.AnalysisSettings;
import eyn.analysis.Analyzer;
import eyn.analysis.CursorAnalysis;
import eyn.analysis.FlowState;
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
        "msync 0x01000000", "echo $X $Y", "cd sub", "# a comment", "# eyn-disable-next-line all", "# eyn-disable portability", "run s.eyn", "ls", "zseek 0 0 set", "", "  echo indented",
        "predict stats", "zstats", "write a.txt", "set =bad", "zopne x", "zopen b.txt w", "zread 1 4", "zwrite 0 x",
        "set V1=1", "set V2=1", "set V3=1", "set V4=1", "set V5=1", "set V6=1", "set V7=1", "set V8=1", "set V9=1",
        "set V10=1", "set V11=1", "set V12=1", "set V13=1", "set V14=1", "echo $V14 $NEVER", "munmap 0x01000000",
    };
    private static final String[] Y2026 = {
        "set A=1", "set B=$A", "set C=$(calc 1+2)", "if $A == 1", "if exists a.txt", "elif $B != 2", "else", "endif",
        "while $A != 3", "endwhile", "echo $A $1", "ls", "cat a.txt", "calc 1+2", "# note", "", "cd sub", "exit 0",
        "read a.txt | search x", "set A=$(calc $A+1)", "ifeq $A 1", "zopen a.txt r",
    };
    /** Release 13 statements and closed blocks. */
    private static final String[][] UNITS = {
        {"set X=1"}, {"echo $X $Y"}, {"zopen a.txt r", "zread 0 4", "zclose 0"}, {"ifeq $X 1", "echo one", "else", "set Y=2", "endif"},
        {"loop 2", "echo pass", "endloop"}, {"mmap a.txt", "munmap 0x01000000"}, {"zopen b.txt w", "zwrite 0 x", "zclose 0"},
        {"# a comment"}, {""}, {"# eyn-disable-next-line all", "zclose 3"}, {"predict stats"}, {"set V3=$X"}, {"ifneq $Y 2", "zopen a.txt r", "endif", "zread 0 1"},
    };
    private static final AnalysisSettings NO_DRY_RUN = AnalysisSettings.defaults().withDryRun(false);
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
                Analysis full = Analyzer.analyzeWithoutDryRun(incremental, text, "/t.eyn", ws, settings, choice, previous);
                sameAnalysis(scratch, full, context);
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

    /**
     * A long Release 13 script edited many times in a row: the whole-file analysis that continues the
     * previous version's (reusing its unchanged lines, with their line numbers moved) equals a fresh
     * one after every edit, across long chains of moved lines.
     */
    @Test
    void aContinuedWholeFileAnalysisEqualsAFreshOneAfterEveryEdit() throws Exception {
        Workspace ws = driveWithAFileAndADirectory();
        AnalysisSettings settings = AnalysisSettings.defaults().withDryRun(false);
        Random random = new Random(20261202);
        long total = 0;
        long analysed = 0;
        for (int doc = 0; doc < 12; doc++) {
            List<String> lines = units(100 + random.nextInt(300), random);
            Analysis previous = null;
            for (int edit = 0; edit < 150; edit++) {
                // mostly typing, as a user edits; now and then a statement or block keyword from the pool, or a whole unit
                int at = random.nextInt(3) == 0 ? edit(lines, R13, random) : type(lines, random);
                if (random.nextInt(10) == 0) lines.addAll(Math.min(at, lines.size()), List.of(UNITS[random.nextInt(UNITS.length)]));
                if (random.nextInt(4) == 0) type(lines, random); // sometimes two changes far apart in one version
                String text = String.join("\n", lines) + "\n";
                ProfileChoice choice = Analyzer.choose(text, settings);
                Script script = Parser.parse("/t.eyn", text, choice.profile().dialect());
                String context = "document " + doc + ", edit " + edit + " at line " + at + ":\n" + text;
                Analysis scratch = Analyzer.analyzeWithoutDryRun(script, text, "/t.eyn", ws, settings, choice);
                Analysis continued = Analyzer.analyzeWithoutDryRun(script, text, "/t.eyn", ws, settings, choice, previous);
                sameAnalysis(scratch, continued, context);
                assertEquals(script.size(), scratch.linesAnalysed(), context);
                if (previous != null) {
                    total += script.size();
                    analysed += continued.linesAnalysed();
                }
                previous = continued;
            }
        }
        // random edits soon leave a block open to the end, after which every line must be analysed again: only correctness here
        org.junit.jupiter.api.Assertions.assertTrue(analysed < total, analysed + " of " + total + " lines analysed");
    }

    /**
     * The analysis continued from one made several versions back, which differs from the new version in
     * several regions far apart (an editor's burst of changes, a keystroke and the undo of another), equals
     * a fresh one: the regions are analysed again one by one, and the lines between them taken over.
     */
    @Test
    void anAnalysisContinuedFromSeveralVersionsBackEqualsAFreshOne() throws Exception {
        Workspace ws = driveWithAFileAndADirectory();
        AnalysisSettings settings = AnalysisSettings.defaults().withDryRun(false);
        Random random = new Random(20261203);
        for (int doc = 0; doc < 12; doc++) {
            List<String> lines = units(100 + random.nextInt(300), random);
            List<Analysis> history = new ArrayList<>();
            for (int edit = 0; edit < 120; edit++) {
                int at = random.nextInt(3) == 0 ? edit(lines, R13, random) : type(lines, random);
                String text = String.join("\n", lines) + "\n";
                ProfileChoice choice = Analyzer.choose(text, settings);
                Script script = Parser.parse("/t.eyn", text, choice.profile().dialect());
                Analysis previous = history.isEmpty() ? null : history.get(Math.max(0, history.size() - 1 - random.nextInt(8)));
                String context = "document " + doc + ", edit " + edit + " at line " + at + ", continuing "
                        + (previous == null ? "nothing" : "the analysis of " + String.join("\n", previous.script().physicalLines())) + ":\n" + text;
                Analysis scratch = Analyzer.analyzeWithoutDryRun(script, text, "/t.eyn", ws, settings, choice);
                Analysis continued = Analyzer.analyzeWithoutDryRun(script, text, "/t.eyn", ws, settings, choice, previous);
                sameAnalysis(scratch, continued, context);
                for (int line : new int[] {at, random.nextInt(lines.size() + 1)}) {
                    // a request from the cursor continues the same earlier analysis
                    Analysis cursor = CursorAnalysis.at(script, choice, previous, line, "/t.eyn", ws, settings);
                    int length = line < lines.size() ? lines.get(line).length() : 0;
                    for (int column : new int[] {0, length / 2, length}) {
                        String where = context + "\nat line " + line + ":" + column;
                        assertEquals(Completions.at(scratch, ws, line, column), Completions.at(cursor, ws, line, column), where);
                        assertEquals(Hover.at(scratch, line, column), Hover.at(cursor, line, column), where);
                        assertEquals(SignatureHelp.at(scratch, line, column), SignatureHelp.at(cursor, line, column), where);
                    }
                    if (!scratch.stateBefore(line).sameAs(cursor.stateBefore(line))) {
                        org.junit.jupiter.api.Assertions.fail(context + "\nstate before line " + line);
                    }
                }
                history.add(continued);
            }
        }
    }

    /**
     * A line typed and the undo of one typed far away, in a long script whose blocks stay closed: the
     * continued analysis goes through the lines near the two edits, not every line between them.
     */
    @Test
    void aKeystrokeAndTheUndoOfAnotherFarAwayAnalyseTheLinesNearBothOnly() throws Exception {
        List<Integer> analysed = new ArrayList<>();
        for (FarUndo u : farUndos(8)) {
            Analysis continued = Analyzer.analyzeWithoutDryRun(u.script(), u.text(), "/t.eyn", Workspace.NONE, NO_DRY_RUN, u.choice(), u.previous());
            sameAnalysis(Analyzer.analyzeWithoutDryRun(u.script(), u.text(), "/t.eyn", Workspace.NONE, NO_DRY_RUN, u.choice()), continued, u.toString());
            analysed.add(continued.linesAnalysed());
        }
        assertMedianAtMost(20, analysed, "median lines analysed for edits 1,000 or more lines apart: ");
    }

    /** Removing the 16th variable's only {@code set}, inside an if: the continued analysis no longer finds a 17th after it. */
    @Test
    void removingASetInsideAnIfMakesALaterSetNoLongerTheSeventeenth() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int v = 1; v <= 15; v++) lines.add("set V" + v + "=1");
        lines.addAll(List.of("ifeq $V1 1", "set INSIDE=1", "endif", "echo between", "echo more", "set LAST=1", "echo $LAST"));
        String before = String.join("\n", lines) + "\n";
        lines.remove("set INSIDE=1");
        String after = String.join("\n", lines) + "\n";
        ProfileChoice choice = Analyzer.choose(after, NO_DRY_RUN);
        Analysis previous = fresh(before, choice, Workspace.NONE, NO_DRY_RUN);
        org.junit.jupiter.api.Assertions.assertTrue(previous.diagnostics().stream().anyMatch(d -> d.code().code.equals("W107")), previous.diagnostics().toString());
        Script script = Parser.parse("/t.eyn", after, choice.profile().dialect());
        Analysis continued = Analyzer.analyzeWithoutDryRun(script, after, "/t.eyn", Workspace.NONE, NO_DRY_RUN, choice, previous);
        sameAnalysis(fresh(after, choice, Workspace.NONE, NO_DRY_RUN), continued, after);
    }

    /**
     * A request at a line typed far after the line the newest analysis was made with (a keystroke undone, as
     * an editor's burst leaves it): the cursor's analysis goes through the lines near both, not every line
     * between them, and answers as a fresh analysis does.
     */
    @Test
    void aRequestAfterAnUndoFarBeforeItAnalysesTheLinesNearBothOnly() throws Exception {
        List<Integer> analysed = new ArrayList<>();
        for (FarUndo u : farUndos(9)) {
            Analysis cursor = CursorAnalysis.at(u.script(), u.choice(), u.previous(), u.second(), "/t.eyn", Workspace.NONE, NO_DRY_RUN);
            Analysis scratch = Analyzer.analyzeWithoutDryRun(u.script(), u.text(), "/t.eyn", Workspace.NONE, NO_DRY_RUN, u.choice());
            assertEquals(Completions.at(scratch, Workspace.NONE, u.second(), 1), Completions.at(cursor, Workspace.NONE, u.second(), 1), u.toString());
            org.junit.jupiter.api.Assertions.assertTrue(scratch.stateBefore(u.second()).sameAs(cursor.stateBefore(u.second())), u.toString());
            analysed.add(cursor.linesAnalysed());
        }
        assertMedianAtMost(20, analysed, "median lines analysed for a request 1,000 or more lines after the undo: ");
    }

    /**
     * Typing in a long script whose blocks stay closed (into commands, comments and new lines, not
     * block keywords) analyses the lines near each edit, not the whole file.
     */
    @Test
    void typingInAScriptWithClosedBlocksAnalysesTheLinesNearTheEditOnly() throws Exception {
        Random random = new Random(7);
        List<String> lines = units(5_000, random);
        String text = String.join("\n", lines) + "\n";
        ProfileChoice choice = Analyzer.choose(text, NO_DRY_RUN);
        Analysis previous = fresh(text, choice, Workspace.NONE, NO_DRY_RUN);
        List<Integer> analysed = new ArrayList<>();
        for (int edit = 0; edit < 200; edit++) {
            int at = random.nextInt(lines.size());
            if (lines.get(at).matches("(ifeq|ifneq|loop|else|endif|endloop)\\b.*")) continue;
            type(lines, at, random);
            text = String.join("\n", lines) + "\n";
            Script script = Parser.parse("/t.eyn", text, choice.profile().dialect());
            Analysis continued = Analyzer.analyzeWithoutDryRun(script, text, "/t.eyn", Workspace.NONE, NO_DRY_RUN, choice, previous);
            assertEquals(Analyzer.analyzeWithoutDryRun(script, text, "/t.eyn", Workspace.NONE, NO_DRY_RUN, choice).diagnostics(), continued.diagnostics());
            analysed.add(continued.linesAnalysed());
            previous = continued;
        }
        assertMedianAtMost(10, analysed, "median lines analysed per edit: ");
    }

    /**
     * A 5,000-line script with a line typed at {@code first} (the version the analysis {@code previous} is of) and
     * the version after that line was taken back and another typed at {@code second}, 1,000 or more lines after it.
     */
    private record FarUndo(int first, int second, Analysis previous, Script script, String text, ProfileChoice choice) {
        @Override public String toString() { return "lines " + first + " and " + second; }
    }

    /** Fifty such pairs in one script. */
    private static List<FarUndo> farUndos(long seed) {
        Random random = new Random(seed);
        List<String> lines = units(5_000, random);
        ProfileChoice choice = Analyzer.choose(String.join("\n", lines) + "\n", NO_DRY_RUN);
        List<FarUndo> out = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            int first = random.nextInt(2_000);
            int second = 3_000 + random.nextInt(1_900);
            List<String> typedFirst = new ArrayList<>(lines);
            typedFirst.add(first, "e");
            List<String> typedSecond = new ArrayList<>(lines);
            typedSecond.add(second, "e");
            String after = String.join("\n", typedSecond) + "\n";
            Analysis previous = fresh(String.join("\n", typedFirst) + "\n", choice, Workspace.NONE, NO_DRY_RUN);
            out.add(new FarUndo(first, second, previous, Parser.parse("/t.eyn", after, choice.profile().dialect()), after, choice));
        }
        return out;
    }

    /** That the median of the lines each analysis went through is at most {@code most}. */
    private static void assertMedianAtMost(int most, List<Integer> analysed, String what) {
        List<Integer> sorted = new ArrayList<>(analysed);
        sorted.sort(null);
        int median = sorted.get(sorted.size() / 2);
        org.junit.jupiter.api.Assertions.assertTrue(median <= most, what + median + " " + sorted);
    }

    /** The analysis of a text parsed from scratch. */
    private static Analysis fresh(String text, ProfileChoice choice, Workspace ws, AnalysisSettings settings) {
        return Analyzer.analyzeWithoutDryRun(Parser.parse("/t.eyn", text, choice.profile().dialect()), text, "/t.eyn", ws, settings, choice);
    }

    /** A workspace whose drive holds /a.txt and /sub. */
    private static Workspace driveWithAFileAndADirectory() throws Exception {
        TreeDrive drive = TreeDrive.inMemory();
        drive.write("/a.txt", ChunkedBytes.of("abc".getBytes(StandardCharsets.UTF_8)));
        drive.makeDirectory("/sub");
        return Workspace.of(drive);
    }

    /**
     * At least {@code lines} lines of balanced units, as real scripts are, so that there are lines no block spans
     * where the analysis can join.
     */
    private static List<String> units(int lines, Random random) {
        List<String> out = new ArrayList<>();
        while (out.size() < lines) out.addAll(List.of(UNITS[random.nextInt(UNITS.length)]));
        return out;
    }

    /** Types one character into a line, or a new line holding one, or deletes a line; returns the line it touched. */
    private static int type(List<String> lines, Random random) {
        return type(lines, random.nextInt(lines.size()), random);
    }

    private static int type(List<String> lines, int at, Random random) {
        char c = TYPED.charAt(random.nextInt(TYPED.length()));
        switch (random.nextInt(3)) {
            case 0 -> lines.add(at, "echo " + c);
            case 1 -> {
                String old = lines.get(at);
                int col = random.nextInt(old.length() + 1);
                lines.set(at, old.substring(0, col) + c + old.substring(col));
            }
            default -> {
                if (lines.size() > 1) lines.remove(at);
            }
        }
        return Math.min(at, lines.size() - 1);
    }

    private static void sameAnalysis(Analysis scratch, Analysis incremental, String context) {
        assertEquals(scratch.diagnostics(), incremental.diagnostics(), context);
        assertEquals(scratch.variables(), incremental.variables(), context);
        assertEquals(scratch.fdOccurrences(), incremental.fdOccurrences(), context);
        assertEquals(scratch.fdHints(), incremental.fdHints(), context);
        for (int i = 0; i <= scratch.script().size(); i++) {
            FlowState a = scratch.stateBefore(i);
            FlowState b = incremental.stateBefore(i);
            if (!a.sameAs(b)) org.junit.jupiter.api.Assertions.fail(context + "\nstate before line " + i + ": " + a.fds() + " vs " + b.fds());
        }
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
