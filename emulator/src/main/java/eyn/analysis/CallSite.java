package eyn.analysis;

import eyn.language.Dialect;
import eyn.language.LineKind;
import eyn.language.Parser;
import eyn.language.Script;
import eyn.language.ScriptLine;
import eyn.language.Word;
import eyn.machine.disk.FsPath;
import eyn.profile.ProfileChooser;
import eyn.profile.Profiles;
import java.util.ArrayList;
import java.util.List;

/**
 * One place a 2026 script calls another: the caller's path and line (0-based), the callee's absolute
 * path on the drive, and how many arguments it passes. The language server and {@code eyn check}
 * index these over the workspace so that a script's {@code $1}..{@code $9} can be checked against
 * what its callers pass.
 */
public record CallSite(String caller, int line, String callee, int arguments) {
    /** The calls in a script's text: {@code NAME args} (/binaries/NAME), {@code path args} and {@code run path args}. */
    public static List<CallSite> in(String callerPath, String text) {
        if (ProfileChooser.choose(text, "auto", Profiles.R13).profile() != Profiles.Y2026) return List.of();
        Script script = Parser.parse(callerPath, text, Dialect.D3);
        List<CallSite> out = new ArrayList<>();
        for (ScriptLine line : script.lines()) {
            if (line.kind() != LineKind.COMMAND) continue;
            List<String> words = new ArrayList<>();
            for (Word w : line.words()) {
                char c = w.text().charAt(0);
                if (c == '|' || c == '<' || c == '>' || c == '&') break;
                words.add(w.text());
            }
            if (words.isEmpty() || words.get(0).contains("$")) continue;
            String head = words.get(0);
            if (head.equals("run")) {
                if (words.size() < 2 || words.get(1).contains("$")) continue;
                out.add(new CallSite(callerPath, line.index(), FsPath.resolve("/", words.get(1)), words.size() - 2));
            } else if (head.contains("/")) {
                out.add(new CallSite(callerPath, line.index(), FsPath.resolve("/", head), words.size() - 1));
            } else {
                out.add(new CallSite(callerPath, line.index(), "/binaries/" + head, words.size() - 1));
            }
        }
        return out;
    }
}
