package eyn.analysis.ide;

import eyn.analysis.Analysis;
import eyn.analysis.DiagnosticCode;
import eyn.analysis.FlowState;
import eyn.analysis.Workspace;
import eyn.commands.ArgKind;
import eyn.commands.ArgSpec;
import eyn.commands.CommandSpec;
import eyn.commands.CommandSet;
import eyn.language.Dialect;
import eyn.language.Directive;
import java.util.Map;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Completion proposals at a position, from the command table and the analysis' facts. */
public final class Completions {
    private static final int MAX_FILES = 500;

    private Completions() {}

    public static List<CompletionEntry> at(Analysis analysis, Workspace workspace, int line, int column) {
        CursorContext c = CursorContext.at(analysis.script(), line, column);
        List<CompletionEntry> out = new ArrayList<>();
        switch (c.slot) {
            case COMMAND -> commands(analysis, c, out);
            case VARIABLE -> variables(analysis, c, out);
            case ARGUMENT -> argument(analysis, workspace, c, out);
            case COMMENT -> directives(c, out);
            default -> { }
        }
        return out;
    }

    private static void commands(Analysis analysis, CursorContext c, List<CompletionEntry> out) {
        CommandSet set = analysis.profile().commands();
        for (CommandSpec spec : set.all()) {
            out.add(new CompletionEntry(spec.name(), CompletionEntry.Kind.COMMAND, spec.usage(), CommandHelp.markdown(spec),
                    snippet(spec), true, c.word, "1" + spec.name()));
        }
        for (Map.Entry<String, String> alias : set.aliases().entrySet()) {
            out.add(new CompletionEntry(alias.getKey(), CompletionEntry.Kind.COMMAND, "alias: " + alias.getValue(),
                    "`" + alias.getKey() + "` is an alias (`/config/aliases.cfg`) of `" + alias.getValue() + "`.",
                    alias.getKey(), false, c.word, "1" + alias.getKey()));
        }
        if (c.commandStart > 0) return; // inside $(...) only commands make sense
        Dialect dialect = analysis.script().dialect();
        for (Directive d : dialect.directives()) {
            out.add(new CompletionEntry(d.keyword(), CompletionEntry.Kind.KEYWORD, "keyword: " + d.usage(),
                    CommandHelp.directive(dialect, d.keyword()), d.snippet(), true, c.word, "0" + d.keyword()));
        }
        if (set.spec("zopen") == null) return; // the snippets below use Release 13's commands
        out.add(new CompletionEntry("open-read-close", CompletionEntry.Kind.SNIPPET, "zopen, zread, zclose",
                "Open a file read-only, read from it and close it.",
                "zopen ${1:file.txt} r\nzread ${2:0} ${3:64}\nzclose ${2:0}", true, c.word, "2open"));
        out.add(new CompletionEntry("mmap-sync-unmap", CompletionEntry.Kind.SNIPPET, "mmap, msync, munmap",
                "Map a file read-write, write it back and unmap it. The first mapping on a fresh machine is at 0x01000000.",
                "mmap ${1:file.txt}\nmsync ${2:0x01000000}\nmunmap ${2:0x01000000}", true, c.word, "2mmap"));
    }

    /** zopen ${1:filename} ${2|r,w,rw|}: required arguments become placeholders, word choices a choice. */
    static String snippet(CommandSpec spec) {
        StringBuilder s = new StringBuilder(spec.name());
        int n = 1;
        for (ArgSpec a : spec.args()) {
            if (!a.required()) continue;
            s.append(' ');
            List<String> words = a.words();
            if (!words.isEmpty()) s.append("${").append(n++).append('|').append(String.join(",", words)).append("|}");
            else s.append("${").append(n++).append(':').append(a.name().replace("}", "")).append('}');
        }
        return s.toString();
    }

    private static void variables(Analysis analysis, CursorContext c, List<CompletionEntry> out) {
        Set<String> names = new LinkedHashSet<>();
        for (Analysis.Occurrence o : analysis.variables()) if (o.definition()) names.add(o.name());
        FlowState state = analysis.stateBefore(c.line.index());
        for (String name : names) {
            String detail = state.variables().contains(name) ? "set before this line" : "set elsewhere in the script";
            out.add(new CompletionEntry(name, CompletionEntry.Kind.VARIABLE, detail, null, name, false, c.word, name));
        }
    }

    private static void argument(Analysis analysis, Workspace workspace, CursorContext c, List<CompletionEntry> out) {
        CommandSpec spec = analysis.profile().commands().spec(c.command);
        if (spec == null || c.argument < 0) return;
        ArgSpec arg = spec.argAt(c.argument);
        if (arg == null) return;
        for (String w : arg.words()) {
            out.add(new CompletionEntry(w, CompletionEntry.Kind.VALUE, arg.name(), arg.doc(), w, false, c.word, w));
        }
        FlowState state = analysis.stateBefore(c.line.index());
        switch (arg.kind()) {
            case FD -> {
                for (FlowState.FdFact f : state.fds().values()) {
                    String mode = f.mode() == null ? "?" : f.mode().word();
                    out.add(new CompletionEntry(String.valueOf(f.fd()), CompletionEntry.Kind.FD,
                            (f.maybe() ? "maybe open: " : "") + f.path() + " (" + mode + ")",
                            "Opened on line " + (f.line() + 1), String.valueOf(f.fd()), false, c.word, String.format("%03d", f.fd())));
                }
            }
            case ADDRESS -> {
                Set<Long> seen = new LinkedHashSet<>();
                for (Analysis.MappingFact m : analysis.mappings()) {
                    if (m.address() < 0 || !seen.add(m.address())) continue;
                    String hex = String.format("0x%08X", m.address());
                    out.add(new CompletionEntry(hex, CompletionEntry.Kind.ADDRESS, m.path() + (m.readOnly() ? " (read-only)" : ""),
                            "mmap on line " + (m.line() + 1) + " returns this address when the script runs", hex, false, c.word, hex));
                }
            }
            case PATH -> paths(workspace, state, c, out);
            default -> { }
        }
    }

    private static void paths(Workspace workspace, FlowState state, CursorContext c, List<CompletionEntry> out) {
        if (workspace.drive() == null || state.cwd() == null) return;
        String typed = c.line.raw().substring(c.word.start(), c.column);
        int slash = typed.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : typed.substring(0, slash + 1);
        String dir = FsPath.resolve(state.cwd(), dirPart.isEmpty() ? "." : dirPart);
        Span replace = new Span(c.word.line(), c.word.start() + dirPart.length(), c.word.end());
        try {
            int n = 0;
            for (Drive.Entry e : workspace.drive().list(dir)) {
                if (n++ >= MAX_FILES) break;
                String label = e.directory() ? e.name() + "/" : e.name();
                out.add(new CompletionEntry(label, e.directory() ? CompletionEntry.Kind.FOLDER : CompletionEntry.Kind.FILE,
                        e.directory() ? "directory" : e.size() + " bytes", null, label, false, replace, label));
            }
        } catch (DriveException e) {
            // no such directory: nothing to propose
        }
    }

    private static void directives(CursorContext c, List<CompletionEntry> out) {
        String text = c.line.text();
        if (!text.startsWith("#")) return;
        String body = text.substring(1).strip();
        if (!body.startsWith("eyn-disable")) {
            for (String d : List.of("eyn-disable", "eyn-disable-next-line")) {
                out.add(new CompletionEntry(d, CompletionEntry.Kind.DIRECTIVE, "switch diagnostics off",
                        d.endsWith("line") ? "Switches the listed codes off for the next line." : "Switches the listed codes off for this file.",
                        d + " ", false, c.word, d));
            }
            return;
        }
        for (DiagnosticCode code : DiagnosticCode.values()) {
            out.add(new CompletionEntry(code.code, CompletionEntry.Kind.VALUE, code.title, null, code.code, false, c.word, code.code));
        }
        out.add(new CompletionEntry("portability", CompletionEntry.Kind.VALUE, "every portability warning", null, "portability", false, c.word, "portability"));
    }
}
