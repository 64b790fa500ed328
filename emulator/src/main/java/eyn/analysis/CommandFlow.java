package eyn.analysis;

import eyn.commands.CommandSpec;
import eyn.language.Word;
import eyn.machine.disk.Drive;
import eyn.machine.disk.FsPath;
import eyn.machine.files.Mode;
import eyn.machine.MemoryMaps;
import java.util.List;

/** What one command does to the flow state, and the flow diagnostics it earns. */
final class CommandFlow {
    private enum Want { FILE, DIRECTORY, ANY }

    private final Analyzer a;
    private final CommandSpec spec;
    private final int line;
    private final List<Word> args;
    private final int shift;

    CommandFlow(Analyzer analyzer, CommandSpec spec, int line, List<Word> args, int shift) {
        this.a = analyzer;
        this.spec = spec;
        this.line = line;
        this.args = args;
        this.shift = shift;
    }

    void apply() {
        switch (spec.name()) {
            case "zopen" -> zopen();
            case "zclose" -> {
                FlowState.FdFact f = fd(0, null);
                Integer n = number(0);
                if (n != null && f != null) {
                    FlowState s = a.editState();
                    s.fdsForWrite().remove(n);
                    s.closedForWrite().put(n, line);
                }
            }
            case "zread" -> fd(0, Mode.READ);
            case "zwrite" -> fd(0, Mode.WRITE);
            case "zseek" -> fd(0, null);
            case "zsplice", "ztee" -> {
                fd(0, Mode.READ);
                fd(1, Mode.WRITE);
                Integer in = number(0);
                Integer out = number(1);
                if (in != null && in.equals(out)) {
                    a.report(DiagnosticCode.E123, line, start(0), end(1), spec.name() + " needs two different fds", null);
                }
            }
            case "mmap" -> {
                path(0, Want.FILE, DiagnosticCode.W118);
                FlowState s = a.state();
                if (s.minMappings >= MemoryMaps.MAX_MAPPINGS) {
                    a.report(DiagnosticCode.E124, line, start(0), end(0), "At most 32 mappings can exist; this mmap fails", null);
                }
                s = a.editState();
                s.minMappings++;
                s.maxMappings = Math.min(Integer.MAX_VALUE - 1, s.maxMappings + 1);
            }
            case "munmap", "msync" -> {
                if (args.isEmpty() || has$(0)) return;
                FlowState s = a.state();
                if (s.maxMappings == 0) {
                    a.report(DiagnosticCode.E117, line, start(0), end(0), "Nothing is mapped when this line runs", null);
                }
                if (spec.name().equals("munmap") && s.maxMappings > 0) {
                    s = a.editState();
                    s.minMappings = Math.max(0, s.minMappings - 1);
                    s.maxMappings--;
                }
            }
            case "cd" -> {
                Drive.Entry e = path(0, Want.DIRECTORY, DiagnosticCode.W118);
                String target = resolved(0);
                FlowState s = a.editState();
                s.cwd = target != null && (e != null || !a.workspace().known()) ? target : (target == null ? null : s.cwd);
            }
            case "drive" -> {
                Integer n = number(0);
                a.editState().cwd = n != null && n == 0 ? "/" : null;
            }
            case "ls" -> {
                if (!args.isEmpty() && !args.get(0).text().chars().allMatch(Character::isDigit)) path(0, Want.DIRECTORY, DiagnosticCode.W118);
            }
            case "read", "size", "hexdump" -> path(0, Want.FILE, DiagnosticCode.W118);
            case "del" -> {
                path(0, Want.FILE, DiagnosticCode.W118);
                forget(resolved(0));
            }
            case "deldir" -> {
                path(0, Want.DIRECTORY, DiagnosticCode.W118);
                forget(resolved(0));
            }
            case "makedir" -> create(resolved(0));
            case "copy", "move" -> {
                path(0, Want.FILE, DiagnosticCode.W118);
                String src = resolved(0);
                String dst = resolved(1);
                if (dst != null && src != null) {
                    Drive.Entry d = a.workspace().stat(dst);
                    create(d != null && d.directory() ? FsPath.child(dst, FsPath.name(src)) : dst);
                }
                if (spec.name().equals("move")) forget(src);
            }
            case "run" -> run();
            case "write" -> a.report(DiagnosticCode.E121, line, start(-1), end(args.isEmpty() ? -1 : 0),
                    "'write' opens EYN-OS's interactive editor and fails in scripts; use zopen, zwrite and zclose", null);
            default -> { }
        }
    }

    private void zopen() {
        Drive.Entry e = path(0, Want.FILE, DiagnosticCode.W118);
        if (e != null && e.size() == 0) {
            a.report(DiagnosticCode.P209, line, start(0), end(0), "EYN-OS cannot zopen an empty file (Out of memory for zero-copy mapping)", null);
        }
        Mode mode = Mode.READ_WRITE;
        if (args.size() > 1) {
            if (has$(1)) mode = null;
            else mode = Mode.parse(args.get(1).text());
        }
        FlowState s = a.state();
        int limit = a.settings().fdLimit();
        long open = s.fds.values().stream().filter(f -> !f.maybe()).count();
        if (!s.fdsUnknown && open >= limit) {
            a.report(DiagnosticCode.E116, line, start(-1), end(0), "All " + limit + " fds are open here: this zopen fails", null);
            return;
        }
        int fd = s.nextFd(limit);
        s = a.editState();
        if (fd < 0 || args.isEmpty() || e == null && a.workspace().known() && s.cwd != null && !has$(0)) {
            // the fd cannot be predicted, or the open fails: what later lines get is unknown, so one
            // root cause (W118, the missing file) does not also give an "fd not open" on each use
            s.fdsUnknown = true;
            s.everOpened++;
            return;
        }
        if (s.everOpened != fd && s.everOpenedKnown) {
            a.report(DiagnosticCode.P208, line, start(-1), end(-1), "On EYN-OS this zopen returns fd " + s.everOpened
                    + ", not " + fd + ": closed fds are never reused there", null);
        }
        s.everOpened++;
        s.fdsForWrite().put(fd, new FlowState.FdFact(fd, line, resolved(0), mode, false));
        if (s.closedAt.containsKey(fd)) s.closedForWrite().remove(fd);
        a.fdHint(line, fd);
        a.fdOccurrence(new Analysis.FdOccurrence(fd, line, start(-1), end(-1), line));
    }

    /** Checks an fd argument is open (and readable or writable when {@code need} says so). */
    private FlowState.FdFact fd(int index, Mode need) {
        Integer n = number(index);
        if (n == null) return null;
        FlowState s = a.state();
        FlowState.FdFact f = s.fds.get(n);
        a.fdOccurrence(new Analysis.FdOccurrence(n, line, start(index), end(index), f == null ? -1 : f.line()));
        if (s.fdsUnknown) return f;
        if (f == null) {
            Integer closed = s.closedAt.get(n);
            if (closed != null) {
                a.report(DiagnosticCode.E113, line, start(index), end(index), "fd " + n + " was closed on line " + (closed + 1), String.valueOf(n));
            } else {
                a.report(DiagnosticCode.E111, line, start(index), end(index), "fd " + n + " is not open here: no zopen before this line returns it",
                        String.valueOf(n));
            }
            return null;
        }
        if (f.maybe()) {
            a.report(DiagnosticCode.W112, line, start(index), end(index), "fd " + n + " may not be open here: it is opened on line "
                    + (f.line() + 1) + " on some paths only", String.valueOf(n));
            return f;
        }
        if (need == Mode.READ && f.mode() != null && !f.mode().readable()) {
            a.report(DiagnosticCode.E114, line, start(index), end(index), "fd " + n + " was opened write-only on line " + (f.line() + 1)
                    + ": " + spec.name() + " cannot read it", String.valueOf(f.line()));
        }
        if (need == Mode.WRITE && f.mode() != null && !f.mode().writable()) {
            a.report(DiagnosticCode.E115, line, start(index), end(index), "fd " + n + " was opened read-only on line " + (f.line() + 1)
                    + ": " + spec.name() + " cannot write it", String.valueOf(f.line()));
        }
        return f;
    }

    /** Checks a path argument exists on the workspace drive; returns what is there, or null. */
    private Drive.Entry path(int index, Want want, DiagnosticCode missing) {
        if (index >= args.size() || has$(index)) return null;
        Word w = args.get(index);
        for (String part : FsPath.components(w.text())) {
            if (part.length() > FsPath.MAX_NAME) {
                a.report(DiagnosticCode.E106, line, start(index), end(index), "'" + part + "' is longer than 31 characters: no EYNFS file has such a name", null);
                return null;
            }
        }
        String abs = resolved(index);
        if (abs == null || !a.workspace().known()) return null;
        FlowState s = a.state();
        if (s.created.contains(abs)) return null;
        Drive.Entry e = s.deleted.contains(abs) ? null : a.workspace().stat(abs);
        if (e == null) {
            a.report(missing, line, start(index), end(index), (s.deleted.contains(abs) ? "'" + abs + "' was deleted earlier in the script"
                    : "'" + abs + "' does not exist on the workspace drive"), abs);
            return null;
        }
        if (want == Want.FILE && e.directory()) {
            a.report(DiagnosticCode.W127, line, start(index), end(index), "'" + abs + "' is a directory, not a file", null);
        } else if (want == Want.DIRECTORY && !e.directory()) {
            a.report(DiagnosticCode.W127, line, start(index), end(index), "'" + abs + "' is a file, not a directory", null);
        }
        return e;
    }

    private void run() {
        if (args.isEmpty() || has$(0)) return;
        String name = args.get(0).text();
        if (!name.endsWith(".eyn") && !name.endsWith(".shell")) return;
        Drive.Entry e = path(0, Want.FILE, DiagnosticCode.E119);
        String abs = resolved(0);
        FlowState s = a.editState();
        if (abs == null || e == null) {
            s.fdsUnknown = true;
            s.maxMappings = Integer.MAX_VALUE - 1;
            return;
        }
        RunGraph.Effects effects = RunGraph.effects(a.workspace(), abs);
        if (a.scriptPath() != null && RunGraph.reaches(a.workspace(), abs, a.scriptPath())) {
            a.report(DiagnosticCode.E120, line, start(0), end(0), "'" + abs + "' runs this script again: the scripts run each other "
                    + "until the nesting limit of 8 stops them", null);
        } else if (RunGraph.cycle(a.workspace(), abs) != null) {
            a.report(DiagnosticCode.E120, line, start(0), end(0), "'" + RunGraph.cycle(a.workspace(), abs)
                    + "' runs itself through other scripts: they run each other until the nesting limit of 8 stops them", null);
        }
        if (effects.fds()) s.fdsUnknown = true;
        if (effects.mappings()) {
            s.minMappings = 0;
            s.maxMappings = Integer.MAX_VALUE - 1;
        }
        if (effects.directory()) s.cwd = null;
        if (effects.files()) s.cwd = null;
    }

    private void create(String abs) {
        if (abs == null) return;
        FlowState s = a.editState();
        s.createdForWrite().add(abs);
        if (s.deleted.contains(abs)) s.deletedForWrite().remove(abs);
    }

    private void forget(String abs) {
        if (abs == null) return;
        FlowState s = a.editState();
        s.deletedForWrite().add(abs);
        if (s.created.contains(abs)) s.createdForWrite().remove(abs);
    }

    private String resolved(int index) {
        if (index >= args.size() || has$(index) || a.state().cwd == null) return null;
        return FsPath.resolve(a.state().cwd, args.get(index).text());
    }

    private Integer number(int index) {
        if (index >= args.size() || has$(index)) return null;
        String t = args.get(index).text();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        return Integer.parseInt(t);
    }

    private boolean has$(int index) {
        return args.get(index).text().contains("$");
    }

    /** Start column of an argument, or of the command name for -1 (the name ends where its first argument begins). */
    private int start(int index) {
        if (index < 0 || index >= args.size()) return nameStart();
        return args.get(index).start() + shift;
    }

    private int end(int index) {
        if (index < 0 || index >= args.size()) return nameStart() + spec.name().length();
        return args.get(index).end() + shift;
    }

    private int nameStart() {
        return Math.max(0, a.script().line(line).raw().indexOf(spec.name(), shift == 0 ? a.script().line(line).textStart() : shift));
    }
}
