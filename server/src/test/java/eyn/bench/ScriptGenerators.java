package eyn.bench;

/**
 * Generated scripts of an exact number of lines for the language-server benchmark: Release 13 (the
 * original {@code BODY} style), EYN-OS 2026 (if/elif/while, {@code $1}, programs from /binaries) and
 * bash (functions, loops, case, arrays) for bash-language-server. Each repeats a balanced unit (every
 * block closed) and pads the rest with one-line statements, so any prefix of units is a valid script.
 */
final class ScriptGenerators {
    private ScriptGenerators() { }

    /** A script dialect the benchmark can generate: the language id and file extension an editor would use. */
    enum Kind {
        R13("eyn", ".eyn"), Y2026("eyn", ".shell"), BASH("shellscript", ".sh");

        final String languageId;
        final String extension;

        Kind(String languageId, String extension) {
            this.languageId = languageId;
            this.extension = extension;
        }

        String label() {
            return switch (this) {
                case R13 -> "eyn r13";
                case Y2026 -> "eyn 2026";
                case BASH -> "bash-LS";
            };
        }
    }

    /** Release 13: the benchmark's original 16-line body, repeated (a loop, an ifeq/else, zero-copy, mmap, predict). */
    static final String[] R13_BODY = {
        "set COUNT=$(calc $COUNT+1)", "zopen data.txt r", "zread 0 16", "ifeq $COUNT 3", "echo three $COUNT", "else",
        "zseek 0 0 set", "endif", "zclose 0", "loop 2", "echo pass", "endloop", "mmap data.txt readonly", "predict stats",
        "# a comment", "echo done $COUNT",
    };

    /** EYN-OS 2026: a counted while with if/elif/else inside, a file test, arguments, programs (ls, cat, echo, calc, set). */
    static final String[] Y2026_BODY = {
        "# section", "set I=0", "while $I != 3", "    set I=$(calc $I+1)", "    if $I == 2", "        echo two $1",
        "    elif $I == 3", "        echo three $2", "    else", "        echo other $I", "    endif", "endwhile",
        "if -e data.txt", "    cat data.txt", "endif", "ls", "echo done $0 $I", "set NAME=x$1", "if x$NAME == x",
        "    echo empty", "endif",
    };

    static String generate(Kind kind, int lines) {
        StringBuilder text = new StringBuilder(lines * 24);
        int written = 0;
        switch (kind) {
            case R13 -> {
                for (; written < lines; written++) text.append(R13_BODY[written % R13_BODY.length]).append('\n');
                return text.toString();
            }
            case Y2026 -> {
                text.append("# eyn: profile=2026\n");
                written = 1;
                while (written + Y2026_BODY.length <= lines) {
                    for (String line : Y2026_BODY) text.append(line).append('\n');
                    written += Y2026_BODY.length;
                }
                for (; written < lines; written++) text.append("echo pad ").append(written).append('\n');
                return text.toString();
            }
            case BASH -> {
                text.append("#!/usr/bin/env bash\n");
                written = 1;
                int unit = 0;
                while (true) {
                    String[] body = bashUnit(unit++);
                    if (written + body.length > lines) break;
                    for (String line : body) text.append(line).append('\n');
                    written += body.length;
                }
                for (; written < lines; written++) text.append("echo \"pad ").append(written).append("\"\n");
                return text.toString();
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
    }

    /** 21 lines: a function with a local, a for loop with arithmetic, a case and an array; a while-read loop; a call; an if. */
    private static String[] bashUnit(int n) {
        return new String[] {
            "# section " + n,
            "fn_" + n + "() {",
            "  local count=0",
            "  for i in 1 2 3; do",
            "    count=$((count + i))",
            "  done",
            "  case \"$1\" in",
            "    start) echo \"starting $count\" ;;",
            "    stop) echo \"stopping\" ;;",
            "    *) echo \"unknown: $1\" ;;",
            "  esac",
            "  arr_" + n + "=(one two three)",
            "  echo \"${arr_" + n + "[@]}\" \"${#arr_" + n + "[@]}\"",
            "}",
            "while read -r line; do",
            "  echo \"$line\"",
            "done < /dev/null",
            "fn_" + n + " start",
            "if [ -f data.txt ]; then",
            "  cat data.txt",
            "fi",
        };
    }
}
