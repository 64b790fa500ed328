package eyn.server.dap;

import com.google.gson.GsonBuilder;
import eyn.server.common.JsonText;
import java.util.function.Consumer;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablePresentationHint;
import org.eclipse.lsp4j.debug.VariablesResponse;

/**
 * Writes what the adapter sends at every stop (the stopped event, then the answers to the editor's refresh:
 * threads, the stack, the scopes and each scope's variables) straight to JSON, field by field, instead of
 * through Gson's reflective adapter. In a new adapter the reflective walk (a runtime-type lookup and an adapter
 * per field of every variable) was a third of a stop's work until the JIT had compiled it, and its code was
 * among what the compilers were busy with during the first steps (docs/benchmarks.md, "The debug adapter",
 * session 14). The JSON is the same as Gson's (same fields, same order, nulls left out). A value with a part
 * this adapter never sets (a scope's or frame's source range, checksums, module ids, presentation hints of
 * frames and sources, null elements) and all reading go to Gson's own adapter.
 */
final class DapJson {
    private DapJson() {}

    /** Adds the adapters to the Gson that LSP4J builds for the connection (see {@code Launcher.Builder.configureGson}). */
    static void configure(GsonBuilder gson) {
        gson.registerTypeAdapterFactory(JsonText.ownWriter(VariablesResponse.class, DapJson::plain, DapJson::write));
        gson.registerTypeAdapterFactory(JsonText.ownWriter(ScopesResponse.class, DapJson::plain, DapJson::write));
        gson.registerTypeAdapterFactory(JsonText.ownWriter(StackTraceResponse.class, DapJson::plain, DapJson::write));
        gson.registerTypeAdapterFactory(JsonText.ownWriter(ThreadsResponse.class, DapJson::plain, DapJson::write));
        gson.registerTypeAdapterFactory(JsonText.ownWriter(StoppedEventArguments.class, e -> true, DapJson::write));
    }

    // ---- variables ------------------------------------------------------------------------------------

    static boolean plain(VariablesResponse r) {
        if (r.getVariables() == null) return false;
        for (Variable v : r.getVariables()) {
            if (v == null || v.getClass() != Variable.class) return false;
            VariablePresentationHint hint = v.getPresentationHint();
            if (hint != null && (hint.getClass() != VariablePresentationHint.class || hint.getAttributes() != null)) return false;
        }
        return true;
    }

    private static void write(StringBuilder json, VariablesResponse r, boolean safe) {
        array(json, "variables", r.getVariables(), v -> {
            Fields f = new Fields(json, safe).string("name", v.getName()).string("value", v.getValue()).string("type", v.getType());
            VariablePresentationHint hint = v.getPresentationHint();
            if (hint != null) {
                f.key("presentationHint");
                new Fields(json, safe).string("kind", hint.getKind()).string("visibility", hint.getVisibility())
                        .bool("lazy", hint.getLazy()).end();
            }
            f.string("evaluateName", v.getEvaluateName()).number("variablesReference", v.getVariablesReference())
                    .number("namedVariables", v.getNamedVariables()).number("indexedVariables", v.getIndexedVariables())
                    .string("memoryReference", v.getMemoryReference())
                    .number("declarationLocationReference", v.getDeclarationLocationReference())
                    .number("valueLocationReference", v.getValueLocationReference()).end();
        });
        json.append('}');
    }

    // ---- scopes ---------------------------------------------------------------------------------------

    static boolean plain(ScopesResponse r) {
        if (r.getScopes() == null) return false;
        for (Scope s : r.getScopes()) {
            if (s == null || s.getClass() != Scope.class || s.getSource() != null || s.getLine() != null || s.getColumn() != null
                    || s.getEndLine() != null || s.getEndColumn() != null) {
                return false;
            }
        }
        return true;
    }

    private static void write(StringBuilder json, ScopesResponse r, boolean safe) {
        array(json, "scopes", r.getScopes(), s -> new Fields(json, safe).string("name", s.getName())
                .string("presentationHint", s.getPresentationHint()).number("variablesReference", s.getVariablesReference())
                .number("namedVariables", s.getNamedVariables()).number("indexedVariables", s.getIndexedVariables())
                .bool("expensive", s.isExpensive()).end());
        json.append('}');
    }

    // ---- the stack ------------------------------------------------------------------------------------

    static boolean plain(StackTraceResponse r) {
        if (r.getStackFrames() == null) return false;
        for (StackFrame f : r.getStackFrames()) {
            if (f == null || f.getClass() != StackFrame.class || f.getModuleId() != null || f.getPresentationHint() != null) return false;
            Source s = f.getSource();
            if (s != null && (s.getClass() != Source.class || s.getPresentationHint() != null || s.getSources() != null
                    || s.getAdapterData() != null || s.getChecksums() != null)) {
                return false;
            }
        }
        return true;
    }

    private static void write(StringBuilder json, StackTraceResponse r, boolean safe) {
        array(json, "stackFrames", r.getStackFrames(), frame -> {
            Fields f = new Fields(json, safe).number("id", frame.getId()).string("name", frame.getName());
            Source s = frame.getSource();
            if (s != null) {
                f.key("source");
                new Fields(json, safe).string("name", s.getName()).string("path", s.getPath()).number("sourceReference", s.getSourceReference())
                        .string("origin", s.getOrigin()).end();
            }
            f.number("line", frame.getLine()).number("column", frame.getColumn()).number("endLine", frame.getEndLine())
                    .number("endColumn", frame.getEndColumn()).bool("canRestart", frame.getCanRestart())
                    .string("instructionPointerReference", frame.getInstructionPointerReference()).end();
        });
        if (r.getTotalFrames() != null) json.append(",\"totalFrames\":").append(r.getTotalFrames());
        json.append('}');
    }

    // ---- threads and the stopped event ----------------------------------------------------------------

    static boolean plain(ThreadsResponse r) {
        if (r.getThreads() == null) return false;
        for (Thread t : r.getThreads()) if (t == null || t.getClass() != Thread.class) return false;
        return true;
    }

    private static void write(StringBuilder json, ThreadsResponse r, boolean safe) {
        array(json, "threads", r.getThreads(), t -> new Fields(json, safe).number("id", t.getId()).string("name", t.getName()).end());
        json.append('}');
    }

    private static void write(StringBuilder json, StoppedEventArguments e, boolean safe) {
        Fields f = new Fields(json, safe).string("reason", e.getReason()).string("description", e.getDescription())
                .number("threadId", e.getThreadId()).bool("preserveFocusHint", e.getPreserveFocusHint()).string("text", e.getText())
                .bool("allThreadsStopped", e.getAllThreadsStopped());
        Integer[] ids = e.getHitBreakpointIds();
        if (ids != null) {
            f.key("hitBreakpointIds").append('[');
            for (int i = 0; i < ids.length; i++) json.append(i == 0 ? "" : ",").append(ids[i]);
            json.append(']');
        }
        f.end();
    }

    /** Opens an object with the array {@code name}, each item written by {@code item}; the caller closes the object. */
    private static <T> void array(StringBuilder json, String name, T[] items, Consumer<T> item) {
        json.append("{\"").append(name).append("\":[");
        for (int i = 0; i < items.length; i++) {
            if (i > 0) json.append(',');
            item.accept(items[i]);
        }
        json.append(']');
    }

    /** One JSON object's fields in the order they are given, leaving out nulls as Gson does. */
    private static final class Fields {
        private final StringBuilder json;
        private final boolean safe;
        private boolean first = true;

        Fields(StringBuilder json, boolean safe) {
            this.json = json;
            this.safe = safe;
            json.append('{');
        }

        StringBuilder key(String name) {
            json.append(first ? "\"" : ",\"").append(name).append("\":");
            first = false;
            return json;
        }

        Fields string(String name, String value) {
            if (value != null) JsonText.string(key(name), value, safe);
            return this;
        }

        Fields number(String name, Integer value) {
            if (value != null) key(name).append(value.intValue());
            return this;
        }

        Fields bool(String name, Boolean value) {
            if (value != null) key(name).append(value.booleanValue());
            return this;
        }

        void end() {
            json.append('}');
        }
    }
}
