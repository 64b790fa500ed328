package eyn.language;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A script language of EYN-OS: its keyword table and how its engine reads lines. D2 is Release
 * 13's ({@code set}, {@code ifeq}/{@code ifneq}/{@code else}/{@code endif}, {@code loop}/{@code
 * endloop}); D3 is the 2026 engine's ({@code if}/{@code elif}/{@code else}/{@code endif},
 * {@code while}/{@code endwhile}, with {@code set}, {@code echo} and {@code exit} as built-ins).
 * A third dialect is one more constant here with its table and its {@link LineRules}.
 */
public final class Dialect {
    public static final Dialect D2 = new Dialect("d2", "Release 13 script dialect (ifeq/loop)", List.of(
            new Directive("set", LineKind.SET, "set NAME=VALUE", "Set a script variable.",
                    "`set NAME=VALUE` stores a variable (at most 16 per script; names up to 31 characters, values up to 127). The value is expanded (`$NAME`, `${NAME}`) and `$(command)` is substituted.",
                    "set ${1:NAME}=${2:value}"),
            new Directive("ifeq", LineKind.IFEQ, "ifeq A B", "Run the block when A equals B.",
                    "`ifeq A B` runs the lines up to `else`/`endif` when A equals B. A is one word; B is the rest of the line. Both are expanded; `$(...)` is **not** substituted here.",
                    "ifeq ${1:\\$VAR} ${2:value}\n\t$0\nendif"),
            new Directive("ifneq", LineKind.IFNEQ, "ifneq A B", "Run the block when A differs from B.",
                    "`ifneq A B` runs the lines up to `else`/`endif` when A differs from B.", "ifneq ${1:\\$VAR} ${2:value}\n\t$0\nendif"),
            new Directive("else", LineKind.ELSE, "else", "The other branch of an ifeq/ifneq.",
                    "`else` starts the lines that run when the condition was false. It must be alone on its line.", "else"),
            new Directive("endif", LineKind.ENDIF, "endif", "End an ifeq/ifneq block.", "`endif` ends an `ifeq`/`ifneq` block. It must be alone on its line.", "endif"),
            new Directive("loop", LineKind.LOOP, "loop N", "Repeat the block N times.",
                    "`loop N` runs the lines up to `endloop` N times. N is expanded but `$(...)` is not substituted; 0 or less skips the body (on EYN-OS it runs once). At most 8 loops nest.",
                    "loop ${1:3}\n\t$0\nendloop"),
            new Directive("endloop", LineKind.ENDLOOP, "endloop", "End a loop block.", "`endloop` ends a `loop` block. It must be alone on its line.", "endloop")),
            new D2Lines());

    public static final Dialect D3 = new Dialect("d3", "EYN-OS 2026 script dialect (if/while)", List.of(
            new Directive("if", LineKind.IF, "if CONDITION", "Run the block when the condition holds.",
                    "Conditions: `-e PATH` (exists), `-f PATH` (is a file), `A == B`, `A != B` (one word each side, "
                            + "byte-exact), or truthiness: false only when the expanded text is empty or exactly `0`. "
                            + "The text is expanded first, `$(...)` included.",
                    "if ${1:\\$1 == value}\n\t$0\nendif"),
            new Directive("elif", LineKind.ELIF, "elif CONDITION", "Another branch, tried when no earlier one ran.",
                    "Evaluated only when no earlier branch of the same `if` was taken.", "elif ${1:condition}"),
            new Directive("else", LineKind.ELSE, "else", "The branch run when no earlier one ran.",
                    "Anything after `else` on the line is ignored.", "else"),
            new Directive("endif", LineKind.ENDIF, "endif", "End an if block.", "Anything after `endif` on the line is ignored.", "endif"),
            new Directive("while", LineKind.WHILE, "while CONDITION", "Repeat the block while the condition holds.",
                    "The condition is evaluated again each time `endwhile` jumps back. There is no break and no iteration limit.",
                    "while ${1:\\$I != 10}\n\t$0\nendwhile"),
            new Directive("endwhile", LineKind.ENDWHILE, "endwhile", "End a while block: jump back to its while.",
                    "Anything after `endwhile` on the line is ignored.", "endwhile"),
            new Directive("set", LineKind.SET, "set NAME=VALUE", "Set a script variable (a built-in).",
                    "NAME is everything up to the first `=`, VALUE everything after it, neither trimmed (`set A = b` sets "
                            + "`A ` to ` b`). 64 variables per script; names up to 63, values up to 127 characters.",
                    "set ${1:NAME}=${2:value}")),
            new D3Lines());

    private final String id;
    private final String title;
    private final List<Directive> directives;
    private final Map<String, Directive> byKeyword = new LinkedHashMap<>();
    private final LineRules rules;

    private Dialect(String id, String title, List<Directive> directives, LineRules rules) {
        this.id = id;
        this.title = title;
        this.directives = directives;
        this.rules = rules;
        for (Directive d : directives) byKeyword.put(d.keyword(), d);
    }

    public String id() { return id; }
    public String title() { return title; }
    public List<Directive> directives() { return directives; }

    /** The directive of a keyword, or null when the word is not one of this dialect. */
    public Directive directive(String keyword) {
        return byKeyword.get(keyword);
    }

    public boolean isKeyword(String word) {
        return byKeyword.containsKey(word);
    }

    LineRules rules() { return rules; }

    /** The variable references in a piece of text, by this dialect's expansion rules. */
    public List<Expander.VariableRef> references(String text) {
        return rules.references(text);
    }

    @Override
    public String toString() { return id; }
}
