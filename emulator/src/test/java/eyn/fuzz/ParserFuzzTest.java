package eyn.fuzz;

import static eyn.fuzz.FuzzChecks.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eyn.language.LineKind;
import eyn.language.Limits;
import eyn.language.Parser;
import eyn.language.Script;
import eyn.language.ScriptLine;
import eyn.language.SyntaxProblem;
import eyn.language.Word;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Fuzzes {@link Parser#parse}: any text parses without throwing, every line, word and problem range
 * lies inside its line, and the block links agree with each other.
 *
 * <p>Without {@code JAZZER_FUZZ} only the inputs in {@code src/test/resources/eyn/fuzz/ParserFuzzTestInputs/parse/}
 * are replayed. The input bytes are the script, decoded as UTF-8 (as {@code run} decodes script files).
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] input) {
        String text = FuzzChecks.utf8(input);
        Script script = Parser.parse("fuzz.shell", text);
        checkScript(text, script);
        // Parsing is a pure function of the text.
        Script again = Parser.parse("fuzz.shell", text);
        check(again.problems().equals(script.problems()), "parse is not deterministic (problems differ)");
        check(again.lines().equals(script.lines()), "parse is not deterministic (lines differ)");
    }

    /** The 2026 dialect: the same text, read by the D3 engine's rules, stays consistent too. */
    @FuzzTest(maxDuration = "10m")
    void parse2026(byte[] input) {
        String text = FuzzChecks.utf8(input);
        Script script = Parser.parse("fuzz.shell", text, eyn.language.Dialect.D3);
        List<String> physical = physicalLines(text);
        check(script.size() == physical.size(), "expected " + physical.size() + " lines, got " + script.size());
        int n = script.size();
        for (int i = 0; i < n; i++) {
            ScriptLine line = script.line(i);
            String raw = line.raw();
            check(physical.get(i).startsWith(raw), "line " + i + ": raw is not a prefix of the physical line");
            check(raw.indexOf('\0') < 0 && raw.indexOf('\r') < 0, "line " + i + ": raw holds a NUL or CR");
            check(raw.substring(line.textStart()).equals(line.text()), "line " + i + ": text is not the rest of raw");
            check(raw.startsWith(line.rest(), line.restStart()), "line " + i + ": rest does not match its range");
            for (Word w : line.words()) check(raw.substring(w.start(), w.end()).equals(w.text()), "line " + i + ": word range");
            LineKind kind = line.kind();
            int end = script.endOf(i);
            if (kind == LineKind.IF || kind == LineKind.WHILE) {
                check(end == -1 || end > i && end <= n, "opener " + i + " has endOf " + end);
                if (end > 0 && end < n) {
                    check(script.line(end).kind() == (kind == LineKind.IF ? LineKind.ENDIF : LineKind.ENDWHILE), "opener " + i + " ends at a " + script.line(end).kind());
                    check(script.openerOf(end) == i, "closer " + end + " does not point back to " + i);
                }
                for (int b = script.elseOf(i), guard = 0; b >= 0; b = script.elseOf(b), guard++) {
                    check(guard < n && b > i && script.line(b).kind().isBranch() && script.openerOf(b) == i, "branch chain of " + i + " at " + b);
                }
            }
        }
        checkProblems(script, physical);
    }

    static void checkScript(String text, Script script) {
        List<String> physical = physicalLines(text);
        check(script.size() == physical.size(), "expected " + physical.size() + " lines, got " + script.size());
        for (int i = 0; i < script.size(); i++) checkLine(i, physical.get(i), script.line(i));
        checkProblems(script, physical);
        checkBlocks(script);
    }

    /** The text split at '\n' the way the parser documents it: a final '\n' does not start a line. */
    static List<String> physicalLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                if (start < text.length() || lines.isEmpty()) lines.add(text.substring(start));
                return lines;
            }
            lines.add(text.substring(start, nl));
            start = nl + 1;
        }
    }

    private static void checkLine(int i, String physical, ScriptLine line) {
        String raw = line.raw();
        check(line.index() == i, "line " + i + " has index " + line.index());
        check(physical.startsWith(raw), "line " + i + ": raw is not a prefix of the physical line");
        check(raw.length() <= Limits.PHYSICAL_LINE, "line " + i + ": raw longer than " + Limits.PHYSICAL_LINE);
        check(raw.indexOf('\0') < 0, "line " + i + ": raw holds a NUL");
        int ts = line.textStart();
        int te = line.textEnd();
        check(0 <= ts && ts <= te && te <= raw.length(), "line " + i + ": text range [" + ts + "," + te + ") outside raw");
        check(raw.substring(ts, te).equals(line.text()), "line " + i + ": text does not match its range");
        int rs = line.restStart();
        check(0 <= rs && rs + line.rest().length() <= raw.length(), "line " + i + ": rest range outside raw");
        check(raw.startsWith(line.rest(), rs), "line " + i + ": rest does not match its range");
        int previousEnd = 0;
        for (Word w : line.words()) {
            check(0 <= w.start() && w.start() <= w.end() && w.end() <= raw.length(),
                    "line " + i + ": word [" + w.start() + "," + w.end() + ") outside raw of length " + raw.length());
            check(w.start() >= previousEnd, "line " + i + ": words overlap or are out of order");
            check(raw.substring(w.start(), w.end()).equals(w.text()), "line " + i + ": word text does not match its range");
            check(ts <= w.start() && w.end() <= te, "line " + i + ": word outside the statement text");
            previousEnd = w.end();
        }
        boolean statement = line.kind().isStatement();
        check(statement == !line.words().isEmpty(), "line " + i + ": " + line.kind() + " with " + line.words().size() + " words");
        check(line.kind() == LineKind.BLANK == line.text().isEmpty(), "line " + i + ": BLANK iff empty text");
    }

    private static void checkProblems(Script script, List<String> physical) {
        SyntaxProblem previous = null;
        for (SyntaxProblem p : script.problems()) {
            check(p.line() >= 0 && p.line() < script.size(), "problem on line " + p.line() + " of " + script.size() + ": " + p);
            int len = physical.get(p.line()).length();
            check(0 <= p.startColumn() && p.startColumn() <= p.endColumn() && p.endColumn() <= len,
                    "problem range [" + p.startColumn() + "," + p.endColumn() + ") outside physical line of length " + len + ": " + p);
            boolean physicalOnly = p.code().equals("E005") || p.code().equals("W006") || p.code().equals("W301"); // NUL, overlong, CR
            if (!physicalOnly) {
                int raw = script.line(p.line()).raw().length();
                check(p.endColumn() <= raw, "problem range outside the parsed line of length " + raw + ": " + p);
            }
            check(p.code() != null && p.message() != null && p.severity() != null, "incomplete problem " + p);
            if (previous != null) {
                boolean ordered = previous.line() < p.line()
                        || previous.line() == p.line() && previous.startColumn() <= p.startColumn();
                check(ordered, "problems not sorted: " + previous + " before " + p);
            }
            previous = p;
        }
    }

    private static void checkBlocks(Script script) {
        int n = script.size();
        // Openers: endOf lies after them and is a closer or the end of the file; elseOf points at an else.
        Deque<int[]> enclosing = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            LineKind kind = script.line(i).kind();
            int end = script.endOf(i);
            int elseLine = script.elseOf(i);
            int opener = script.openerOf(i);
            if (kind.opensBlock()) {
                check(end > i && end <= n, "opener " + i + " has endOf " + end);
                if (end < n) {
                    LineKind closer = script.line(end).kind();
                    check(closer == LineKind.ENDIF || closer == LineKind.ENDLOOP, "opener " + i + " ends at a " + closer);
                }
                if (elseLine >= 0) {
                    check(kind != LineKind.LOOP, "loop " + i + " has an else");
                    check(elseLine > i && elseLine < end, "else " + elseLine + " of " + i + " not inside [" + i + "," + end + ")");
                    check(script.line(elseLine).kind() == LineKind.ELSE, "elseOf " + i + " is not an else");
                    check(script.openerOf(elseLine) == i, "else " + elseLine + " does not point back to " + i);
                } else {
                    check(elseLine == -1, "elseOf " + i + " = " + elseLine);
                }
                check(opener == -1, "opener " + i + " has openerOf " + opener);
                // Blocks nest: a block starting inside another ends no later than it.
                while (!enclosing.isEmpty() && enclosing.peek()[1] <= i) enclosing.pop();
                if (!enclosing.isEmpty()) {
                    check(end <= enclosing.peek()[1], "block " + i + ".." + end + " crosses block "
                            + enclosing.peek()[0] + ".." + enclosing.peek()[1]);
                }
                enclosing.push(new int[] {i, end});
            } else {
                check(end == -1 && elseLine == -1, "non-opener " + i + " has endOf " + end + " / elseOf " + elseLine);
            }
            switch (kind) {
                case ENDIF, ENDLOOP -> {
                    if (opener >= 0) {
                        check(opener < i, "closer " + i + " has opener " + opener + " after it");
                        LineKind o = script.line(opener).kind();
                        boolean matches = kind == LineKind.ENDLOOP ? o == LineKind.LOOP : o == LineKind.IFEQ || o == LineKind.IFNEQ;
                        check(matches, kind + " " + i + " closes a " + o);
                        check(script.endOf(opener) == i, "closer " + i + ": its opener " + opener + " ends at " + script.endOf(opener));
                    } else {
                        check(opener == -1, "closer " + i + " has openerOf " + opener);
                    }
                }
                case ELSE -> {
                    if (opener >= 0) {
                        check(opener < i, "else " + i + " has opener " + opener + " after it");
                        check(script.elseOf(opener) == i, "else " + i + ": its opener's elseOf is " + script.elseOf(opener));
                    } else {
                        check(opener == -1, "else " + i + " has openerOf " + opener);
                    }
                }
                default -> {
                    if (!kind.opensBlock()) check(opener == -1, kind + " line " + i + " has openerOf " + opener);
                }
            }
        }
        // nextStatement lands on a statement or the end (checked where a run of non-statements starts).
        for (int i = 0; i <= n; i++) {
            if (i > 0 && i < n && !script.line(i - 1).kind().isStatement()) continue;
            int s = script.nextStatement(i);
            check(s >= i && s <= n, "nextStatement(" + i + ") = " + s);
            if (s < n) check(script.line(s).kind().isStatement(), "nextStatement(" + i + ") is not a statement");
        }
    }
}
