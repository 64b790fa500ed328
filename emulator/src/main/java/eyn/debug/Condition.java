package eyn.debug;

import java.util.function.Function;

/**
 * Breakpoint conditions and logpoint messages. A condition compares expanded operands with
 * {@code == != < > <= >=} (numbers compare as numbers, anything else as text), joined by {@code &&}
 * and {@code ||} ({@code &&} binds tighter); a bare operand is true unless empty, "0" or "false".
 * Operands expand {@code $NAME} and {@code ${NAME}} from the current frame.
 */
public final class Condition {
    private Condition() {}

    /** True when a text reads as a condition: it compares or joins with one of the operators. */
    public static boolean isCondition(String text) {
        return text.matches(".*(==|!=|<=|>=|<|>|&&|\\|\\|).*");
    }

    public static boolean evaluate(String expression, Function<String, String> variables) {
        for (String alternative : expression.split("\\|\\|")) {
            boolean all = true;
            for (String part : alternative.split("&&")) {
                if (!comparison(part.strip(), variables)) {
                    all = false;
                    break;
                }
            }
            if (all) return true;
        }
        return false;
    }

    private static boolean comparison(String text, Function<String, String> variables) {
        for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
            int at = text.indexOf(op);
            if (at < 0) continue;
            String left = eyn.language.Expander.expand(text.substring(0, at).strip(), variables);
            String right = eyn.language.Expander.expand(text.substring(at + op.length()).strip(), variables);
            int cmp = compare(left, right);
            return switch (op) {
                case "==" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<=" -> cmp <= 0;
                case ">=" -> cmp >= 0;
                case "<" -> cmp < 0;
                default -> cmp > 0;
            };
        }
        String value = eyn.language.Expander.expand(text, variables).strip();
        return !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    private static int compare(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** A logpoint message: {@code $VAR} expands, and {@code {expression}} becomes the condition's value or the text. */
    public static String interpolate(String message, Function<String, String> variables) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            int open = message.indexOf('{', i);
            if (open < 0 || (open > 0 && message.charAt(open - 1) == '$')) {
                int next = open < 0 ? message.length() : message.indexOf('}', open) + 1;
                if (next <= 0) next = message.length();
                out.append(eyn.language.Expander.expand(message.substring(i, next), variables));
                i = next;
                continue;
            }
            int close = message.indexOf('}', open);
            if (close < 0) {
                out.append(eyn.language.Expander.expand(message.substring(i), variables));
                break;
            }
            out.append(eyn.language.Expander.expand(message.substring(i, open), variables));
            String inner = message.substring(open + 1, close);
            boolean comparison = inner.contains("==") || inner.contains("!=") || inner.contains("<") || inner.contains(">")
                    || inner.contains("&&") || inner.contains("||");
            out.append(comparison ? String.valueOf(evaluate(inner, variables)) : eyn.language.Expander.expand(inner.strip(), variables));
            i = close + 1;
        }
        return out.toString();
    }
}
