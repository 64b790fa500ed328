package eyn.language;

/**
 * One keyword of a dialect: what line it makes, a one-line summary, its documentation and the
 * snippet an editor inserts (LSP snippet syntax). Parser, interpreter, analyzer, completion, hover,
 * folding, semantic tokens and the generated docs all read these from the dialect's table.
 */
public record Directive(String keyword, LineKind kind, String usage, String summary, String doc, String snippet) {}
