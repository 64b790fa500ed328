package eyn.analysis;

import eyn.language.LineKind;
import eyn.language.Script;
import eyn.language.ScriptLine;
import java.util.HashSet;
import java.util.Set;

/** What a loop's body does to fds, seen before the body is analysed: how many zopens, which fds it closes. */
record LoopBody(int opens, Set<Integer> closes) {
    static LoopBody scan(Script script, int loopLine) {
        int end = Math.min(script.endOf(loopLine), script.size());
        int opens = 0;
        Set<Integer> closes = new HashSet<>();
        for (int i = loopLine + 1; i < end; i++) {
            ScriptLine line = script.line(i);
            if (line.kind() != LineKind.COMMAND) continue;
            if (line.name().equals("zopen")) opens++;
            if (line.name().equals("zclose") && line.words().size() > 1) {
                String fd = line.words().get(1).text();
                if (!fd.isEmpty() && fd.length() < 10 && fd.chars().allMatch(c -> c >= '0' && c <= '9')) closes.add(Integer.parseInt(fd));
            }
        }
        return new LoopBody(opens, closes);
    }
}
