package dev.parley.desktop.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The build writes a binary form of every stylesheet read at start, with the same rules as its CSS: JavaFX
 * uses the {@code .bss} without looking at the {@code .css} again, so a stale or broken one would restyle the app.
 */
class BinaryStylesheetsTest {

    @Test
    void everyStylesheetReadAtStartHasABinaryFormWithTheSameRules() throws Exception {
        for (String css : BinaryStylesheets.STYLESHEETS) {
            URL text = resource(css);
            URL binary = resource(BinaryStylesheets.binaryName(css));
            assertNotNull(binary, "no binary stylesheet for " + css + " (the build's process-classes step)");
            Stylesheet parsed = new CssParser().parse(text);
            Stylesheet loaded = Stylesheet.loadBinary(binary);
            assertNotNull(loaded, css);
            assertTrue(parsed.getRules().size() > 10, css);
            assertEquals(describe(parsed.getRules()), describe(loaded.getRules()), css);
        }
    }

    @Test
    void theBinaryNameIsTheOneJavaFxTriesFirst() {
        assertEquals("a/b/parley.bss", BinaryStylesheets.binaryName("a/b/parley.css"));
    }

    private static URL resource(String name) {
        return BinaryStylesheets.class.getClassLoader().getResource(name);
    }

    private static String describe(List<Rule> rules) {
        StringBuilder out = new StringBuilder();
        for (Rule r : rules) {
            out.append(r.getSelectors()).append(" {");
            // property names and importance; the values' object trees differ in shape between a parse and a binary
            // load (arrays nested differently) while converting to the same styles, as JavaFX's own modena.bss does
            r.getDeclarations().forEach(d -> out.append(d.getProperty()).append(d.isImportant() ? "!" : "").append(';'));
            out.append("}\n");
        }
        return out.toString();
    }
}
