package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.analysis.Analysis;
import eyn.analysis.AnalysisSettings;
import eyn.analysis.Analyzer;
import eyn.analysis.Workspace;
import eyn.analysis.ide.Completions;
import eyn.server.common.JsonSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemTag;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/**
 * The server writes its completion answers with its own adapter (the reflective one was a large part of
 * a keystroke while the JIT warmed up): the JSON must be byte for byte what LSP4J's Gson writes, for the
 * items every example script gives at every line, with and without snippets, for resolved items and
 * for items with fields the server never sets; an item a client sends back must read as before.
 */
class CompletionJsonTest {
    private static final MessageJsonHandler GSON = new MessageJsonHandler(Map.of());
    private static final MessageJsonHandler FAST = new MessageJsonHandler(Map.of(), LspJson::configure);

    @Test
    void theItemsOfEveryExampleAreWrittenExactlyAsGsonWritesThem() throws Exception {
        int items = 0;
        List<Path> examples = JsonSamples.examples();
        for (Path example : examples) {
            String text = Files.readString(example);
            Analysis analysis = Analyzer.analyze(null, text, Workspace.NONE, AnalysisSettings.defaults());
            String[] lines = text.split("\n", -1);
            for (int line = 0; line < lines.length; line++) {
                for (int column : new int[] {0, Math.min(2, lines[line].length()), lines[line].length()}) {
                    var entries = Completions.at(analysis, Workspace.NONE, line, column);
                    for (boolean snippets : new boolean[] {true, false}) {
                        CompletionList list = LspConvert.completionList(entries, snippets, analysis.profile());
                        assertSameJson(Either.forRight(list), example.getFileName() + ":" + line + ":" + column);
                        items += list.getItems().size();
                        for (CompletionItem item : list.getItems()) assertTrue(CompletionJson.writesItself(item), "written by Gson: " + item);
                        for (CompletionItem item : list.getItems().subList(0, Math.min(3, list.getItems().size()))) {
                            String help = LspConvert.help(item.getData());
                            if (help != null) item.setDocumentation(LspConvert.markdown(help)); // as completionItem/resolve answers
                            assertSameJson(item, "resolved " + item.getLabel());
                        }
                    }
                }
            }
        }
        assertTrue(items > 10_000, "items written: " + items);
    }

    @Test
    void itemsWithEveryCharacterAndFieldsTheServerNeverSetsAreWrittenAsGsonWritesThem() {
        Range range = new Range(new Position(9, 0), new Position(9, 4));
        List<CompletionItem> samples = new ArrayList<>();
        for (String s : JsonSamples.texts()) {
            CompletionItem item = new CompletionItem(s);
            item.setKind(CompletionItemKind.Function);
            item.setDetail(s);
            item.setSortText(s);
            item.setFilterText(s);
            item.setInsertText(s);
            item.setInsertTextFormat(InsertTextFormat.Snippet);
            item.setTextEdit(Either.forLeft(new TextEdit(range, s)));
            item.setData(s);
            samples.add(item);
            com.google.gson.JsonObject key = new com.google.gson.JsonObject();
            key.addProperty(s, s);
            key.addProperty("profile", "r13");
            CompletionItem keyed = new CompletionItem(s);
            keyed.setData(key);
            samples.add(keyed);
        }
        samples.add(new CompletionItem());
        CompletionItem other = new CompletionItem("zopen");
        other.setTags(List.of(CompletionItemTag.Deprecated));
        other.setCommand(new Command("retrigger", "editor.action.triggerSuggest"));
        other.setData(Map.of("fd", 3));
        samples.add(other);
        com.google.gson.JsonObject numeric = new com.google.gson.JsonObject();
        numeric.addProperty("fd", 3);
        CompletionItem numericData = new CompletionItem("fd");
        numericData.setData(numeric);
        samples.add(numericData);
        for (CompletionItem item : samples) assertSameJson(item, item.toString());
        assertTrue(CompletionJson.writesItself(samples.get(0)) && !CompletionJson.writesItself(other) && !CompletionJson.writesItself(numericData));
        assertSameJson(Either.forLeft(samples), "the list");
    }

    @Test
    void anItemSentBackForResolvingReadsAsBefore() {
        MessageJsonHandler requests = new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(LanguageServer.class), LspJson::configure);
        String request = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"completionItem/resolve\",\"params\":{\"label\":\"zopen\",\"kind\":3,"
                + "\"sortText\":\"1zopen\",\"insertTextFormat\":2,\"textEdit\":{\"range\":{\"start\":{\"line\":2,\"character\":0},"
                + "\"end\":{\"line\":2,\"character\":2}},\"newText\":\"zopen ${1:file}\"},\"data\":{\"command\":\"zopen\",\"profile\":\"r13\"}}}";
        var item = (CompletionItem) ((org.eclipse.lsp4j.jsonrpc.messages.RequestMessage) requests.parseMessage(request)).getParams();
        assertEquals("zopen", item.getLabel());
        assertEquals(CompletionItemKind.Function, item.getKind());
        assertEquals(InsertTextFormat.Snippet, item.getInsertTextFormat());
        assertEquals("zopen ${1:file}", item.getTextEdit().getLeft().getNewText());
        assertEquals(2, item.getTextEdit().getLeft().getRange().getEnd().getCharacter());
        assertTrue(LspConvert.help(item.getData()) != null, "the documentation is found from the data sent back");
    }

    private static void assertSameJson(Object result, String what) {
        ResponseMessage m = new ResponseMessage();
        m.setId(1);
        m.setResult(result);
        assertEquals(GSON.serialize(m), FAST.serialize(m), what);
    }
}
