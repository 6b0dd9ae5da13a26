package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/**
 * Every stylesheet of the app parses without an error: JavaFX only logs a CSS syntax error and silently drops the
 * rules after it (a merge once lost a closing brace and with it the styling of the attachments).
 */
class StylesheetsParseTest {
    @Test
    void theAppStylesheetsParseCleanly() throws Exception {
        for (String name : new String[] {"parley.css"}) {
            URL url = StylesheetsParseTest.class.getResource("/dev/parley/desktop/ui/common/" + name);
            assertThat(url).as(name).isNotNull();
            CssParser.errorsProperty().clear();
            new CssParser().parse(url);
            assertThat(CssParser.errorsProperty()).as(name).isEmpty();
        }
    }
}
