package eyn.fuzz;

import static eyn.fuzz.FuzzChecks.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eyn.language.Expander;
import eyn.language.Limits;
import java.util.List;
import java.util.function.Function;

/**
 * Fuzzes {@link Expander}: {@code expand}, {@code references}, {@code substitutions} and
 * {@code captureResult} never throw, and the spans they report lie inside the text.
 *
 * <p>The input bytes (UTF-8) are the text. Variable values come from a fixed lookup that returns
 * null for some names and, for others, values holding {@code $}, {@code $(} and {@code )} so that a
 * second expansion pass would show.
 */
class ExpanderFuzzTest {
    private static final char MARK = '\uE000';

    private static final Function<String, String> LOOKUP = name -> switch (Math.floorMod(name.hashCode(), 4)) {
        case 0 -> null;
        case 1 -> "";
        case 2 -> "$" + name + " $(" + name + ") ${" + name + "}";
        default -> name.toUpperCase();
    };

    @FuzzTest(maxDuration = "10m")
    void expand(byte[] input) {
        String text = FuzzChecks.utf8(input);

        String expanded = Expander.expand(text, LOOKUP);
        check(expanded != null, "expand returned null");
        if (text.indexOf('$') < 0) check(expanded.equals(text), "text without '$' changed");

        String emptied = Expander.expand(text, name -> null);
        check(emptied.length() <= text.length(), "expanding to empty values made the text longer");

        List<Expander.VariableRef> refs = Expander.references(text);
        int previousEnd = 0;
        int named = 0;
        for (Expander.VariableRef r : refs) {
            check(0 <= r.start() && r.start() < r.end() && r.end() <= text.length(),
                    "reference [" + r.start() + "," + r.end() + ") outside text of length " + text.length());
            check(r.start() >= previousEnd, "references overlap or are out of order");
            check(text.charAt(r.start()) == '$', "reference does not start at '$'");
            check(r.name().length() <= Limits.NAME, "reference name longer than " + Limits.NAME);
            if (r.braced()) check(text.startsWith("${", r.start()), "braced reference without '${'");
            else check(!r.name().isEmpty(), "empty unbraced reference");
            if (!r.name().isEmpty()) named++;
            previousEnd = r.end();
        }
        // One pass: every named reference is replaced exactly once and values are not re-expanded.
        if (text.indexOf(MARK) < 0) {
            String marked = Expander.expand(text, name -> String.valueOf(MARK));
            long marks = marked.chars().filter(c -> c == MARK).count();
            check(marks == named, named + " named references but " + marks + " values inserted");
        }

        checkSubstitutions(text);
        checkSubstitutions(expanded);

        String result = Expander.captureResult(text);
        check(result.length() <= Limits.CAPTURE, "capture result longer than " + Limits.CAPTURE);
        check(text.contains(result), "capture result is not part of the capture");
        check(result.equals(result.strip()), "capture result not trimmed");
    }

    private static void checkSubstitutions(String text) {
        List<Expander.Substitution> subs = Expander.substitutions(text);
        int previousEnd = 0;
        for (int k = 0; k < subs.size(); k++) {
            Expander.Substitution s = subs.get(k);
            check(0 <= s.start() && s.start() + 2 <= s.end() && s.end() <= text.length(),
                    "substitution [" + s.start() + "," + s.end() + ") outside text of length " + text.length());
            check(s.start() >= previousEnd, "substitutions overlap or are out of order");
            check(text.startsWith("$(", s.start()), "substitution does not start at '$('");
            int innerEnd = s.terminated() ? s.end() - 1 : s.end();
            if (s.terminated()) {
                check(text.charAt(s.end() - 1) == ')', "terminated substitution does not end at ')'");
            } else {
                check(s.end() == text.length() && k == subs.size() - 1, "unterminated substitution not at the end");
            }
            String full = text.substring(s.start() + 2, innerEnd);
            check(full.startsWith(s.inner()), "inner text does not match the span");
            check(s.inner().length() == Math.min(full.length(), Limits.SUBSTITUTION_TEXT), "inner text cut wrongly");
            previousEnd = s.end();
        }
    }
}
