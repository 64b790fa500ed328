package eyn.commands.y2026;

import eyn.commands.Invocation;
import eyn.machine.Color;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import java.nio.charset.StandardCharsets;

/**
 * The jsonparse program (reference 3.3): a strict JSON parser over the file's bytes that prints the
 * value pretty (2-space indentation, {@code ": "}), minified, or {@code jsonparse: valid JSON}.
 * Strings and numbers are copied as written (escapes kept). Errors carry the line and column
 * (1-based, in bytes) where the parser stopped.
 */
final class JsonParse {
    static final int MAX_BYTES = 524288;
    static final int MAX_DEPTH = 128;

    private JsonParse() {}

    /** A parse error and where it happened. */
    static final class Failure extends Exception {
        final int pos;
        Failure(int pos, String message) {
            super(message);
            this.pos = pos;
        }
    }

    enum Mode { PRETTY, MINIFY, CHECK }

    static void run(Invocation call) {
        if (Programs2026.help(call)) return;
        Mode mode = Mode.PRETTY;
        String file = null;
        for (String w : call.argv) {
            switch (w) {
                case "--pretty" -> mode = Mode.PRETTY;
                case "--minify" -> mode = Mode.MINIFY;
                case "--check" -> mode = Mode.CHECK;
                default -> {
                    if (w.startsWith("-")) {
                        call.failWith("jsonparse: unknown option: " + w);
                        return;
                    }
                    if (file != null) {
                        call.failWith("jsonparse: only one input file is supported");
                        return;
                    }
                    file = w;
                }
            }
        }
        if (file == null) {
            call.usage();
            return;
        }
        Drive.Entry e = FilePrograms.stat(call, file);
        if (e != null && !e.directory() && e.size() > MAX_BYTES) {
            call.failWith("jsonparse: input too large (max " + MAX_BYTES + " bytes): " + file);
            return;
        }
        byte[] src;
        try {
            if (e == null || e.directory()) throw new DriveException(DriveException.Kind.NOT_FOUND, file, "cannot read");
            src = call.machine.readWhole(call.machine.drive(), FilePrograms.abs(call, file));
        } catch (DriveException ex) {
            call.failWith("jsonparse: failed to read file: " + file);
            return;
        }
        try {
            String out = format(src, mode);
            if (mode == Mode.CHECK) call.out().plain("jsonparse: valid JSON");
            else call.out().print(Color.WHITE, out + "\n");
        } catch (Failure f) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < f.pos && i < src.length; i++) {
                if (src[i] == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            call.failWith("jsonparse: parse error at " + line + ":" + col + ": " + f.getMessage());
        }
    }

    /** Parses the whole input and renders it in the mode (the text is unused for CHECK). */
    static String format(byte[] src, Mode mode) throws Failure {
        Parser p = new Parser(src, mode == Mode.PRETTY);
        p.ws();
        p.value(0);
        p.ws();
        if (p.pos < src.length) throw new Failure(p.pos, "trailing data after JSON value");
        return p.out.toString();
    }

    private static final class Parser {
        final byte[] s;
        final boolean pretty;
        final StringBuilder out = new StringBuilder();
        int pos;

        Parser(byte[] s, boolean pretty) {
            this.s = s;
            this.pretty = pretty;
        }

        void ws() {
            while (pos < s.length && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) pos++;
        }

        int peek() {
            return pos < s.length ? s[pos] & 0xFF : -1;
        }

        void newline(int depth) {
            if (!pretty) return;
            out.append('\n');
            for (int i = 0; i < depth; i++) out.append("  ");
        }

        void value(int depth) throws Failure {
            int c = peek();
            switch (c) {
                case -1 -> throw new Failure(pos, "unexpected end of JSON input");
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) number();
                    else throw new Failure(pos, "invalid JSON value");
                }
            }
        }

        void literal(String word) throws Failure {
            if (pos + word.length() > s.length) throw new Failure(pos, "unexpected end while reading literal");
            for (int i = 0; i < word.length(); i++) {
                if (s[pos + i] != word.charAt(i)) throw new Failure(pos, "invalid literal");
            }
            pos += word.length();
            out.append(word);
        }

        void number() throws Failure {
            int start = pos;
            if (peek() == '-') pos++;
            if (peek() == -1) throw new Failure(pos, "incomplete number");
            if (peek() == '0') {
                pos++;
            } else if (digit(peek())) {
                while (digit(peek())) pos++;
            } else {
                throw new Failure(pos, "invalid number");
            }
            if (peek() == '.') {
                pos++;
                if (!digit(peek())) throw new Failure(pos, "fraction has no digits");
                while (digit(peek())) pos++;
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') pos++;
                if (!digit(peek())) throw new Failure(pos, "exponent has no digits");
                while (digit(peek())) pos++;
            }
            out.append(new String(s, start, pos - start, StandardCharsets.ISO_8859_1));
        }

        static boolean digit(int c) {
            return c >= '0' && c <= '9';
        }

        void string() throws Failure {
            if (peek() != '"') throw new Failure(pos, "expected string");
            int start = pos++;
            while (true) {
                int c = peek();
                if (c == -1) throw new Failure(pos, "unterminated string");
                if (c == '"') {
                    pos++;
                    break;
                }
                if (c < 0x20) throw new Failure(pos, "control character in string");
                if (c == '\\') {
                    pos++;
                    int e = peek();
                    if (e == -1) throw new Failure(pos, "unfinished escape sequence");
                    if (e == 'u') {
                        pos++;
                        if (pos + 4 > s.length) throw new Failure(pos, "short \\u escape");
                        for (int i = 0; i < 4; i++) {
                            if (Character.digit(s[pos] & 0xFF, 16) < 0) throw new Failure(pos, "invalid hex in \\u escape");
                            pos++;
                        }
                        continue;
                    }
                    if ("\"\\/bfnrt".indexOf(e) < 0) throw new Failure(pos, "invalid escape sequence");
                    pos++;
                    continue;
                }
                pos++;
            }
            out.append(new String(s, start, pos - start, StandardCharsets.UTF_8));
        }

        void array(int depth) throws Failure {
            if (depth + 1 > MAX_DEPTH) throw new Failure(pos, "max nesting depth exceeded");
            pos++;
            out.append('[');
            ws();
            if (peek() == ']') {
                pos++;
                out.append(']');
                return;
            }
            while (true) {
                newline(depth + 1);
                ws();
                value(depth + 1);
                ws();
                int c = peek();
                if (c == ',') {
                    pos++;
                    out.append(',');
                    continue;
                }
                if (c == ']') {
                    pos++;
                    newline(depth);
                    out.append(']');
                    return;
                }
                if (c == -1) throw new Failure(pos, "unexpected end of JSON input");
                throw new Failure(pos, "expected ',' or ']' in array");
            }
        }

        void object(int depth) throws Failure {
            if (depth + 1 > MAX_DEPTH) throw new Failure(pos, "max nesting depth exceeded");
            pos++;
            out.append('{');
            ws();
            if (peek() == '}') {
                pos++;
                out.append('}');
                return;
            }
            while (true) {
                newline(depth + 1);
                ws();
                if (peek() == -1) throw new Failure(pos, "unexpected end of JSON input");
                string();
                ws();
                if (peek() != ':') {
                    if (peek() == -1) throw new Failure(pos, "unexpected end of JSON input");
                    throw new Failure(pos, "expected ':' after object key");
                }
                pos++;
                out.append(pretty ? ": " : ":");
                ws();
                value(depth + 1);
                ws();
                int c = peek();
                if (c == ',') {
                    pos++;
                    out.append(',');
                    continue;
                }
                if (c == '}') {
                    pos++;
                    newline(depth);
                    out.append('}');
                    return;
                }
                if (c == -1) throw new Failure(pos, "unexpected end of JSON input");
                throw new Failure(pos, "expected ',' or '}' in object");
            }
        }
    }
}
