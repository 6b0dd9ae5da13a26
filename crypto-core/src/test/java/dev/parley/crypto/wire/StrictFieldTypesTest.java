package dev.parley.crypto.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Finding 17 (security review, issue 11): every field of every frame has exactly one wire type. For each frame, each
 * leaf field in turn is replaced by a value of another type (a byte string by the text of its own base64, which
 * Jackson's defaults accepted; a string by a byte string; a number by a float, a string or a boolean; a boolean by a
 * number) and both the fast path ({@link FrameCodec#decode}) and the sequence decoder must answer INVALID_FIELD.
 */
class StrictFieldTypesTest {
    private static final CBORMapper CBOR = new CBORMapper();
    private static final FrameCodec CODEC = FrameCodec.cbor();

    @Test
    void aTextStringWhereSendBlobExpectsBytesIsAnInvalidField() throws Exception {
        ObjectNode frame = tree(new Request.Send("bob", new byte[16], new byte[] {1, 2, 3}));
        ((ObjectNode) frame.get("body")).put("blob", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
        assertInvalidField(CBOR.writeValueAsBytes(frame), "send.blob as text");
    }

    @Test
    void everyLeafFieldOfEveryFrameRefusesEveryOtherType() throws Exception {
        int cases = 0;
        for (Frame frame : FrameCodecTest.everyFrame().toList()) {
            ObjectNode original = tree(frame);
            for (List<Object> path : leafPaths(original.get("body"), new ArrayList<>())) {
                JsonNode value = at(original.get("body"), path);
                for (JsonNode wrong : wrongTypes(value)) {
                    ObjectNode mutated = original.deepCopy();
                    replace(mutated.get("body"), path, wrong);
                    assertInvalidField(CBOR.writeValueAsBytes(mutated),
                            FrameCodec.typeName(frame.getClass()) + " " + path + " as " + wrong.getNodeType());
                    cases++;
                }
            }
        }
        assertThat(cases).as("cases tried").isGreaterThan(60);
    }

    private static ObjectNode tree(Frame frame) throws Exception {
        return (ObjectNode) CBOR.readTree(CODEC.encode(Envelope.of(3, frame)));
    }

    private static void assertInvalidField(byte[] bytes, String what) {
        Throwable single = catchThrowable(() -> CODEC.decode(bytes));
        assertThat(single).as(what).isInstanceOf(FrameDecodeException.class);
        assertThat(((FrameDecodeException) single).code()).as(what).isEqualTo(ErrorCode.INVALID_FIELD);
        List<Envelope> handled = new ArrayList<>();
        Throwable all = catchThrowable(() -> CODEC.decodeAll(bytes, handled::add));
        assertThat(handled).as(what).isEmpty();
        assertThat(((FrameDecodeException) all).code()).as(what).isEqualTo(ErrorCode.INVALID_FIELD);
    }

    private static List<JsonNode> wrongTypes(JsonNode value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> wrong = new ArrayList<>();
        if (value.isBinary()) {
            byte[] bytes = ((BinaryNode) value).binaryValue();
            wrong.add(TextNode.valueOf(Base64.getEncoder().encodeToString(bytes)));
            ArrayNode numbers = f.arrayNode();
            for (byte b : bytes) {
                numbers.add(b & 0xff);
            }
            wrong.add(numbers);
            wrong.add(IntNode.valueOf(1));
        } else if (value.isTextual()) {
            wrong.add(BinaryNode.valueOf(value.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            wrong.add(IntNode.valueOf(1));
            wrong.add(BooleanNode.TRUE);
        } else if (value.isIntegralNumber()) {
            wrong.add(DoubleNode.valueOf(value.asDouble() + 0.5));
            wrong.add(DoubleNode.valueOf(value.asDouble()));
            wrong.add(TextNode.valueOf(value.asText()));
            wrong.add(BooleanNode.TRUE);
            wrong.add(BinaryNode.valueOf(new byte[] {1}));
        } else if (value.isBoolean()) {
            wrong.add(IntNode.valueOf(1));
            wrong.add(TextNode.valueOf("true"));
        }
        return wrong;
    }

    /** Paths (field names and array indexes) to every non-null scalar under {@code node}. */
    private static List<List<Object>> leafPaths(JsonNode node, List<Object> prefix) {
        List<List<Object>> paths = new ArrayList<>();
        Consumer<List<Object>> add = paths::add;
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> paths.addAll(leafPaths(node.get(name), with(prefix, name))));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.addAll(leafPaths(node.get(i), with(prefix, i)));
            }
        } else if (!node.isNull()) {
            add.accept(prefix);
        }
        return paths;
    }

    private static List<Object> with(List<Object> prefix, Object step) {
        List<Object> path = new ArrayList<>(prefix);
        path.add(step);
        return path;
    }

    private static JsonNode at(JsonNode node, List<Object> path) {
        JsonNode current = node;
        for (Object step : path) {
            current = step instanceof String name ? current.get(name) : current.get((Integer) step);
        }
        return current;
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof String name) {
            ((ObjectNode) parent).set(name, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
    }
}
