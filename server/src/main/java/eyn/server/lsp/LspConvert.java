package eyn.server.lsp;

import eyn.analysis.Diagnostic;
import eyn.analysis.ide.CompletionEntry;
import eyn.analysis.ide.Edit;
import eyn.analysis.ide.Span;
import eyn.analysis.ide.Symbols;
import eyn.language.Severity;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The analysis' plain records to LSP4J types and back. Columns are UTF-16 units on both sides. */
final class LspConvert {
    private LspConvert() {}

    static Range range(Span s) {
        return new Range(new Position(s.line(), s.start()), new Position(s.line(), s.end()));
    }

    static Range range(int line, int start, int end) {
        return new Range(new Position(line, start), new Position(line, end));
    }

    static TextEdit edit(Edit e) {
        return new TextEdit(new Range(new Position(e.line(), e.start()), new Position(e.endLine(), e.end())), e.text());
    }

    /**
     * Diagnostics as LSP4J's, each converted when it is read: a publication of thousands is serialised
     * without holding thousands of LSP4J objects meanwhile (a young collection during it copied them all and
     * promoted them). The one list type every publication uses, priming's too, so that the serialiser's
     * compiled code meets no new list class when the user starts typing.
     */
    static List<org.eclipse.lsp4j.Diagnostic> diagnostics(List<Diagnostic> diagnostics) {
        return new DiagnosticView(diagnostics);
    }

    private static final class DiagnosticView extends java.util.AbstractList<org.eclipse.lsp4j.Diagnostic> implements java.util.RandomAccess {
        private final List<Diagnostic> diagnostics;

        DiagnosticView(List<Diagnostic> diagnostics) {
            this.diagnostics = diagnostics;
        }

        @Override public org.eclipse.lsp4j.Diagnostic get(int index) { return diagnostic(diagnostics.get(index)); }
        @Override public int size() { return diagnostics.size(); }
    }

    static org.eclipse.lsp4j.Diagnostic diagnostic(Diagnostic d) {
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(range(d.line(), d.startColumn(), d.endColumn()),
                d.message(), severity(d.severity()), "eyn", d.code().code);
        if (d.data() != null) out.setData(d.data());
        if (d.code().code.equals("W109")) out.setTags(List.of(DiagnosticTag.Unnecessary));
        return out;
    }

    static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }

    static MarkupContent markdown(String text) {
        return new MarkupContent(MarkupKind.MARKDOWN, text);
    }

    /** A complete list of proposals, as the server answers completion. */
    static org.eclipse.lsp4j.CompletionList completionList(List<CompletionEntry> entries, boolean snippets, eyn.profile.Profile profile) {
        return new org.eclipse.lsp4j.CompletionList(false, entries.stream().map(e -> completion(e, snippets, profile)).toList());
    }

    static CompletionItem completion(CompletionEntry e, boolean snippets, eyn.profile.Profile profile) {
        CompletionItem item = new CompletionItem(e.label());
        item.setKind(switch (e.kind()) {
            case COMMAND -> CompletionItemKind.Function;
            case KEYWORD, DIRECTIVE -> CompletionItemKind.Keyword;
            case SNIPPET -> CompletionItemKind.Snippet;
            case VARIABLE -> CompletionItemKind.Variable;
            case VALUE -> CompletionItemKind.EnumMember;
            case FILE -> CompletionItemKind.File;
            case FOLDER -> CompletionItemKind.Folder;
            case FD, ADDRESS -> CompletionItemKind.Value;
        });
        item.setDetail(e.detail());
        item.setSortText(e.sortText());
        item.setFilterText(e.label());
        String text = e.insertText();
        boolean snippet = e.snippet() && snippets;
        if (e.snippet() && !snippets) text = e.label();
        item.setInsertTextFormat(snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
        item.setTextEdit(Either.forLeft(new TextEdit(range(e.replace()), text)));
        // documentation comes with completionItem/resolve: the list stays small (a command's help is named, not sent)
        if (e.documentation() != null) item.setData(helpKey(e, profile));
        return item;
    }

    /** What completionItem/resolve needs to find an item's documentation: a name for commands and keywords, else the text. */
    private static Object helpKey(CompletionEntry e, eyn.profile.Profile profile) {
        boolean command = e.kind() == CompletionEntry.Kind.COMMAND && profile.commands().spec(e.label()) != null;
        if (!command && e.kind() != CompletionEntry.Kind.KEYWORD) return e.documentation();
        com.google.gson.JsonObject key = new com.google.gson.JsonObject();
        key.addProperty(command ? "command" : "keyword", e.label());
        key.addProperty("profile", profile.id());
        return key;
    }

    /** The documentation completionItem/resolve adds, from what {@link #helpKey} left in the item's data; null when unknown. */
    static String help(Object data) {
        if (data instanceof com.google.gson.JsonPrimitive p) return p.getAsString();
        if (!(data instanceof com.google.gson.JsonObject key) || !key.has("profile")) return data == null ? null : data.toString();
        eyn.profile.Profile profile = eyn.profile.Profiles.byId(key.get("profile").getAsString());
        if (profile == null) return null;
        if (key.has("command")) {
            eyn.commands.CommandSpec spec = profile.commands().spec(key.get("command").getAsString());
            return spec == null ? null : eyn.analysis.ide.CommandHelp.markdown(spec);
        }
        return key.has("keyword") ? eyn.analysis.ide.CommandHelp.directive(profile.dialect(), key.get("keyword").getAsString()) : null;
    }

    static SymbolKind symbolKind(Symbols.Kind k) {
        return switch (k) {
            case VARIABLE -> SymbolKind.Variable;
            case CONDITION -> SymbolKind.Namespace;
            case LOOP -> SymbolKind.Event;
            case FD -> SymbolKind.File;
            case MAPPING -> SymbolKind.Array;
            case RUN -> SymbolKind.Module;
        };
    }

    static DocumentSymbol symbol(Symbols.Symbol s, eyn.language.Script script) {
        int endLine = s.endLine();
        DocumentSymbol out = new DocumentSymbol(s.name().isEmpty() ? "?" : s.name(), symbolKind(s.kind()),
                new Range(new Position(s.startLine(), 0), new Position(endLine, lineLength(script, endLine))),
                range(s.selection()), s.detail());
        out.setChildren(s.children().stream().map(c -> symbol(c, script)).toList());
        return out;
    }

    private static int lineLength(eyn.language.Script script, int line) {
        return line < script.size() ? script.line(line).raw().length() : 0;
    }
}
