package dev.parley.crypto.primitives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads the test-vector files under src/test/resources/vectors (provenance in each test class). */
final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private Vectors() {
    }

    static JsonNode load(String fileName) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector file " + fileName);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every test of a Wycheproof file, each paired with its group. */
    static List<WycheproofCase> wycheproof(String fileName) {
        JsonNode root = load(fileName);
        List<WycheproofCase> cases = new ArrayList<>();
        for (JsonNode group : root.path("testGroups")) {
            for (JsonNode test : group.path("tests")) {
                cases.add(new WycheproofCase(group, test));
            }
        }
        if (cases.size() != root.path("numberOfTests").asInt(-1)) {
            throw new IllegalStateException(fileName + ": read " + cases.size() + " tests, header says "
                    + root.path("numberOfTests"));
        }
        return cases;
    }

    static byte[] hex(JsonNode node) {
        return HEX.parseHex(node.asText());
    }

    static byte[] hex(String text) {
        return HEX.parseHex(text);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    record WycheproofCase(JsonNode group, JsonNode test) {
        int id() {
            return test.path("tcId").asInt();
        }

        String result() {
            return test.path("result").asText();
        }

        byte[] bytes(String field) {
            return hex(test.path(field));
        }

        @Override
        public String toString() {
            return "tcId " + id() + " (" + result() + ", " + test.path("comment").asText() + ")";
        }
    }
}
