package eyn.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpanderTest {
    private static final Map<String, String> VARS = Map.of("A", "apple", "B_1", "b", "1", "one", "V", "$A");

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "$A|apple",
        "${A}s|apples",
        "$As|",
        "$B_1-x|b-x",
        "$1st|",
        "${1}st|onest",
        "a$-b|a-b",
        "trailing $|`trailing `",
        "${A|apple",
        "$V|$A",
        "$(echo $A)|$(echo apple)",
        "${ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456}|56}",
        "`no vars`|no vars",
    })
    void expandsInOnePass(String input, String expected) {
        assertEquals(expected == null ? "" : expected, Expander.expand(input, VARS::get));
    }

    @ParameterizedTest(name = "capture [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`Random number in range [1, 10]: 7`|7",
        "`  42  `|42",
        "`1 2\n3`|`1 2\n3`",
        "`no digits`|no digits",
        "`value -17 here`|-17",
        "`abc123def`|123",
    })
    void captureKeepsTheLastNumberWhenThereAreLetters(String captured, String expected) {
        assertEquals(expected, Expander.captureResult(captured));
    }

    @org.junit.jupiter.api.Test
    void substitutionsCountNestedParenthesesAndMayBeUnterminated() {
        var subs = Expander.substitutions("x $(calc (1+2)*3) y $(echo open");
        assertEquals(2, subs.size());
        assertEquals("calc (1+2)*3", subs.get(0).inner());
        assertEquals(2, subs.get(0).start());
        assertEquals("echo open", subs.get(1).inner());
        assertEquals(false, subs.get(1).terminated());
    }
}
