package eyn.commands.y2026;

import eyn.commands.Command;
import eyn.commands.Invocation;
import java.util.HashMap;
import java.util.Map;

/** The behaviours of the 2026 programs the emulator runs, by name. Programs print uncoloured, as on the OS. */
final class Programs2026 {
    private Programs2026() {}

    static Map<String, Command> behaviours() {
        Map<String, Command> m = new HashMap<>();
        m.put("echo", Programs2026::echo);
        m.put("calc", Programs2026::calc);
        m.put("pwd", call -> call.out().plain(call.machine.cwd()));
        return Map.copyOf(m);
    }

    private static void echo(Invocation call) {
        if (!call.argv.isEmpty() && call.argv.get(0).equals("-h")) {
            for (String u : call.spec.usageLines()) call.out().plain(u);
            return;
        }
        boolean newline = call.argv.isEmpty() || !call.argv.get(0).equals("-n");
        String text = String.join(" ", newline ? call.argv : call.argv.subList(1, call.argv.size()));
        call.out().print(eyn.machine.Color.WHITE, newline ? text + "\n" : text);
    }

    private static void calc(Invocation call) {
        String expr = call.arg(0);
        if (expr == null || expr.isEmpty() || expr.equals("-h")) {
            for (String u : call.spec.usageLines()) call.out().plain(u);
            if (expr == null || !expr.equals("-h")) call.fail();
            return;
        }
        int op = -1;
        for (int i = 0; i < expr.length(); i++) {
            if ("+-*/".indexOf(expr.charAt(i)) >= 0) {
                op = i;
                break;
            }
        }
        Long a = op < 0 ? null : unsigned(expr.substring(0, op));
        Long b = op < 0 ? null : unsigned(expr.substring(op + 1));
        if (a == null || b == null) {
            call.failWith("calc: invalid expression");
            return;
        }
        long r;
        switch (expr.charAt(op)) {
            case '+' -> r = a + b;
            case '-' -> r = a - b;
            case '*' -> r = a * b;
            default -> {
                if (b == 0) {
                    call.failWith("calc: division by zero");
                    return;
                }
                r = a / b;
            }
        }
        call.out().plain(Integer.toString((int) r));
    }

    /** Userland strtoul on a whole word: digits only, no sign. */
    static Long unsigned(String s) {
        if (s.isEmpty() || s.length() > 18) return null;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        return Long.parseLong(s);
    }
}
