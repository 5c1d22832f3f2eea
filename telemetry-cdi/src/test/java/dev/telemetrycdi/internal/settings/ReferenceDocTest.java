package dev.telemetrycdi.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/telemetry/reference.md} true: its settings table has exactly one row per {@link Setting}, whose
 * cells are the setting's property, environment variable, type, defaults (no profile, dev, test, prod) and meaning,
 * and no row for anything else. A failure prints the row to paste.
 *
 * <p>Cells are compared after undoing the Markdown quoting the table needs: a cell wrapped in backticks is taken
 * without them (with {@code \|} read as {@code |}); any other cell has its backslash escapes removed. An empty
 * default is written {@code (none)}.
 */
class ReferenceDocTest {
    static final String HEADER =
            "| Property | Environment variable | Type | Default (no profile) | dev | test | prod | Meaning |";
    static final String NONE = "(none)";
    private static final String[] PROFILES = {null, "dev", "test", "prod"};

    private static Path doc;
    private static List<Row> rows;

    @BeforeAll
    static void readTable() throws IOException {
        doc = Path.of(System.getProperty("user.dir")).resolve("../docs/telemetry/reference.md").normalize();
        assertTrue(Files.isRegularFile(doc), "missing " + doc);
        rows = parseTable(Files.readAllLines(doc, StandardCharsets.UTF_8));
    }

    @Test
    void everySettingHasExactlyOneCorrectRow() {
        List<String> problems = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            List<Row> matching = rows.stream().filter(row -> row.cells.get(0).equals(setting.property())).toList();
            String expected = row(setting);
            if (matching.isEmpty()) {
                problems.add("No row for " + setting + " (" + setting.property() + "). Expected row:\n" + expected);
            } else if (matching.size() > 1) {
                problems.add(matching.size() + " rows for " + setting.property() + " (lines "
                        + matching.stream().map(row -> String.valueOf(row.lineNumber)).toList()
                        + "); keep only:\n" + expected);
            } else if (!matching.get(0).cells.equals(cells(setting))) {
                Row found = matching.get(0);
                problems.add("Row of " + setting.property() + " (line " + found.lineNumber + ") is out of date."
                        + "\n  expected: " + expected + "\n  found:    " + found.text);
            }
        }
        if (!problems.isEmpty()) {
            fail(doc + " does not match Setting:\n\n" + String.join("\n\n", problems));
        }
    }

    @Test
    void noRowNamesAnUnknownProperty() {
        Map<String, Setting> known = new HashMap<>();
        for (Setting setting : Setting.values()) {
            known.put(setting.property(), setting);
        }
        for (Row row : rows) {
            if (!known.containsKey(row.cells.get(0))) {
                fail(doc + " line " + row.lineNumber + " names '" + row.cells.get(0)
                        + "', which is not a property of any Setting; remove the row or add the setting:\n" + row.text);
            }
        }
    }

    @Test
    void theTableHasARowPerSetting() {
        assertEquals(Setting.values().length, rows.size(), "rows in the settings table of " + doc);
    }

    /** The expected cells of {@code setting}'s row, as read back from the document. */
    static List<String> cells(Setting setting) {
        List<String> cells = new ArrayList<>(List.of(setting.property(), setting.envVar(), setting.type()));
        for (String profile : PROFILES) {
            String value = setting.defaultFor(profile);
            cells.add(value.isEmpty() ? NONE : value);
        }
        cells.add(setting.meaning());
        return cells;
    }

    /** The Markdown row for {@code setting}, as it should appear in the document. */
    static String row(Setting setting) {
        StringBuilder row = new StringBuilder("| ").append(code(setting.property()))
                .append(" | ").append(code(setting.envVar()))
                .append(" | ").append(code(setting.type()));
        for (String profile : PROFILES) {
            String value = setting.defaultFor(profile);
            row.append(" | ").append(value.isEmpty() ? NONE : code(value));
        }
        return row.append(" | ").append(text(setting.meaning())).append(" |").toString();
    }

    private static String code(String value) {
        return "`" + value.replace("|", "\\|") + "`";
    }

    private static String text(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '|' || c == '<' || c == '>' || c == '\\' || c == '`' || c == '*') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The body rows of the one table whose header is {@link #HEADER}. */
    static List<Row> parseTable(List<String> lines) {
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().replaceAll("\\s+", " ").equals(HEADER)) {
                if (header >= 0) {
                    fail("two settings tables in " + doc + " (lines " + (header + 1) + " and " + (i + 1) + ")");
                }
                header = i;
            }
        }
        if (header < 0) {
            fail("no settings table in " + doc + "; its header must be:\n" + HEADER);
        }
        List<Row> body = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).trim().startsWith("|"); i++) {
            String line = lines.get(i).trim();
            List<String> cells = split(line);
            if (cells.size() != 8) {
                fail(doc + " line " + (i + 1) + " has " + cells.size() + " cells instead of 8:\n" + line);
            }
            body.add(new Row(i + 1, line, cells));
        }
        return body;
    }

    /** The unquoted cells of a table row: split at pipes that are not escaped. */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String inner = line.substring(1, line.endsWith("|") && !line.endsWith("\\|") ? line.length() - 1 : line.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                cell.append(c).append(inner.charAt(++i));
            } else if (c == '|') {
                cells.add(unquote(cell.toString().trim()));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(unquote(cell.toString().trim()));
        return cells;
    }

    private static String unquote(String cell) {
        if (cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")) {
            return cell.substring(1, cell.length() - 1).replace("\\|", "|");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length() && isPunctuation(cell.charAt(i + 1))) {
                c = cell.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isPunctuation(char c) {
        return c < 0x80 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }

    record Row(int lineNumber, String text, List<String> cells) {
    }
}
