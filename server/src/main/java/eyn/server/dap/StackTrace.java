package eyn.server.dap;

import eyn.debug.StackView;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceResponse;

/**
 * {@link StackView}'s frames as a protocol stack trace, as the adapter's stackTrace handler answers.
 */
final class StackTrace {
    private StackTrace() {}

    /**
     * One page of {@code frames} ({@code start}, {@code levels} as the client asks; null for all), with
     * the total; {@code source} names a script path's source, {@code line} turns a 0-based line into the client's.
     */
    static StackTraceResponse response(List<StackView.Frame> frames, Integer start, Integer levels,
                                       Function<String, Source> source, IntUnaryOperator line) {
        StackTraceResponse r = new StackTraceResponse();
        r.setStackFrames(StackView.page(frames, start, levels).stream().map(f -> {
            StackFrame sf = new StackFrame();
            sf.setId(f.id());
            sf.setName(f.name());
            sf.setSource(source.apply(f.path()));
            sf.setLine(line.applyAsInt(f.line()));
            sf.setColumn(line.applyAsInt(0));
            return sf;
        }).toArray(StackFrame[]::new));
        r.setTotalFrames(frames.size());
        return r;
    }

    /** The source of a host file: its path, and its file name for the UI. */
    static Source source(Path host) {
        Source s = new Source();
        s.setPath(host.toString());
        s.setName(host.getFileName().toString());
        return s;
    }
}
