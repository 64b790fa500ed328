package eyn.server.dap;

import eyn.debug.BreakpointRequests;
import eyn.debug.ConsoleLines;
import eyn.debug.Debugger;
import eyn.machine.Color;
import eyn.server.common.Ansi;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionDetails;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;

/** eyn.debug's values as protocol types where no line or source is involved: capabilities, threads, stop events, painted output. */
final class DapTypes {
    /** Plain script output in the terminal's white (a theme colour), so clients do not paint stdout as their own info messages. */
    private static final String PLAIN = "\u001b[37m";

    private DapTypes() {}

    static Capabilities capabilities() {
        Capabilities c = new Capabilities();
        c.setSupportsConfigurationDoneRequest(true);
        c.setSupportsConditionalBreakpoints(true);
        c.setSupportsHitConditionalBreakpoints(true);
        c.setSupportsLogPoints(true);
        c.setSupportsFunctionBreakpoints(true);
        c.setSupportsStepBack(true);
        c.setSupportsSetVariable(true);
        c.setSupportsRestartRequest(true);
        c.setSupportsTerminateRequest(true);
        c.setSupportsEvaluateForHovers(true);
        c.setSupportsReadMemoryRequest(true);
        c.setSupportsWriteMemoryRequest(true);
        c.setSupportsGotoTargetsRequest(true);
        c.setSupportsRestartFrame(true);
        c.setSupportsDataBreakpoints(true);
        c.setSupportsDataBreakpointBytes(true);
        c.setSupportsLoadedSourcesRequest(true);
        c.setSupportsCompletionsRequest(true);
        c.setSupportsExceptionInfoRequest(true);
        c.setCompletionTriggerCharacters(new String[] {"$"});
        c.setExceptionBreakpointFilters(BreakpointRequests.FILTERS.stream().map(f -> {
            ExceptionBreakpointsFilter out = new ExceptionBreakpointsFilter();
            out.setFilter(f.id());
            out.setLabel(f.label());
            out.setDescription(f.description());
            out.setDefault_(false);
            return out;
        }).toArray(ExceptionBreakpointsFilter[]::new));
        return c;
    }

    /** The one thread a script runs on. */
    static ThreadsResponse threads(int thread) {
        Thread t = new Thread();
        t.setId(thread);
        t.setName("script");
        ThreadsResponse r = new ThreadsResponse();
        r.setThreads(new Thread[] {t});
        return r;
    }

    static StoppedEventArguments stopped(Debugger.Stop stop, int thread) {
        StoppedEventArguments e = new StoppedEventArguments();
        e.setThreadId(thread);
        e.setAllThreadsStopped(true);
        e.setReason(switch (stop.reason()) {
            case ENTRY -> StoppedEventArgumentsReason.ENTRY;
            case BREAKPOINT -> StoppedEventArgumentsReason.BREAKPOINT;
            case FUNCTION_BREAKPOINT -> StoppedEventArgumentsReason.FUNCTION_BREAKPOINT;
            case DATA_BREAKPOINT -> StoppedEventArgumentsReason.DATA_BREAKPOINT;
            case EXCEPTION -> StoppedEventArgumentsReason.EXCEPTION;
            case PAUSE -> StoppedEventArgumentsReason.PAUSE;
            case GOTO -> StoppedEventArgumentsReason.GOTO;
            default -> StoppedEventArgumentsReason.STEP;
        });
        e.setDescription(stop.description());
        e.setText(ConsoleLines.stopText(stop));
        return e;
    }

    /** The exception box of a failure: what failed and why, and where ("/main.eyn:14", lines counted from 1 as people read them). */
    static ExceptionInfoResponse exceptionInfo(Debugger.Failure f) {
        ExceptionInfoResponse r = new ExceptionInfoResponse();
        r.setExceptionId(f.kind());
        r.setDescription(f.text());
        r.setBreakMode(ExceptionBreakMode.ALWAYS);
        ExceptionDetails details = new ExceptionDetails();
        details.setMessage(f.message());
        details.setTypeName(f.kind());
        details.setStackTrace(f.at().path() + ":" + (f.at().line() + 1));
        r.setDetails(details);
        return r;
    }

    /** Script output in its colour; plain text in the terminal's white. */
    static String paint(Color color, String text) {
        if (color != Color.WHITE) return Ansi.paint(color, text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end > start) out.append(PLAIN).append(text, start, end).append(Ansi.RESET);
            if (nl >= 0) out.append('\n');
            start = nl < 0 ? text.length() : nl + 1;
        }
        return out.toString();
    }
}
