package dev.reviewgate.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Principal;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every tool shares: its declaration (input schema and annotations), the caller taken from the
 * transport context, plain JSON arguments, and one rule for failures. A {@link Problem} (bad
 * arguments, a 404, a 409) is a tool error carrying the problem's JSON with its pointers; anything
 * else is a tool error too, never a 5xx.
 */
final class ToolKit {

    private static final Logger LOG = LoggerFactory.getLogger(ToolKit.class);

    /** A tool's work on the caller and its arguments. */
    @FunctionalInterface
    interface Body {
        CallToolResult call(Principal principal, ObjectNode arguments) throws InterruptedException;
    }

    /** The hints of MCP's tool annotations that Reviewgate's tools differ in. */
    enum Hints {
        READ_ONLY(true, false, true),
        CREATES(false, false, false),
        IDEMPOTENT_WRITE(false, false, true),
        DESTRUCTIVE(false, true, true);

        private final boolean readOnly;
        private final boolean destructive;
        private final boolean idempotent;

        Hints(boolean readOnly, boolean destructive, boolean idempotent) {
            this.readOnly = readOnly;
            this.destructive = destructive;
            this.idempotent = idempotent;
        }
    }

    private ToolKit() {}

    static SyncToolSpecification tool(
            String name, String title, String description, String inputSchema, Hints hints, Body body) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(schema(inputSchema))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(title)
                        .readOnlyHint(hints.readOnly)
                        .destructiveHint(hints.destructive)
                        .idempotentHint(hints.idempotent)
                        .openWorldHint(false)
                        .build())
                .build();
        return new SyncToolSpecification(tool, (context, request) -> run(name, body, context, request));
    }

    private static CallToolResult run(
            String name, Body body, McpTransportContext context, McpSchema.CallToolRequest request) {
        try {
            if (!(context.get(McpAccess.PRINCIPAL) instanceof Principal principal)) {
                throw Problem.unauthorized("Send an API key as 'Authorization: Bearer <key>'.");
            }
            JsonNode arguments = request.arguments() == null ? Json.object() : Json.toTree(request.arguments());
            if (!arguments.isObject()) {
                throw Problem.invalid("", "the arguments must be a JSON object");
            }
            return body.call(principal, (ObjectNode) arguments);
        } catch (Problem e) {
            return error(Responses.problemBody(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(Responses.problemBody(Problem.of(503, "Unavailable", "The server is shutting down.")));
        } catch (RuntimeException e) {
            LOG.error("MCP tool {} failed", name, e);
            return error(Responses.problemBody(
                    Problem.of(500, "Internal error", "The tool failed; the server log has the details.")));
        }
    }

    /** A result whose text is the compact JSON of {@code value}, also given as structured content. */
    static CallToolResult json(ObjectNode value) {
        return CallToolResult.builder()
                .addTextContent(Json.write(value))
                .structuredContent(toMap(value))
                .isError(false)
                .build();
    }

    /** A result of plain text, with {@code structured} beside it. */
    static CallToolResult text(String text, ObjectNode structured) {
        return CallToolResult.builder()
                .addTextContent(text)
                .structuredContent(toMap(structured))
                .isError(false)
                .build();
    }

    static CallToolResult error(ObjectNode problem) {
        return CallToolResult.builder()
                .addTextContent(Json.write(problem))
                .structuredContent(toMap(problem))
                .isError(true)
                .build();
    }

    /** A member's text, or null when absent or JSON null. */
    static String string(ObjectNode arguments, String name) {
        JsonNode node = arguments.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Copies {@code names} that are present from {@code from} into a new object, e.g. a REST body. */
    static ObjectNode pick(ObjectNode from, String... names) {
        ObjectNode out = Json.object();
        for (String name : names) {
            if (from.has(name)) {
                out.set(name, from.get(name));
            }
        }
        return out;
    }

    private static Map<String, Object> schema(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool's input schema is not JSON", e);
        }
    }

    private static Map<String, Object> toMap(ObjectNode node) {
        return Json.MAPPER.convertValue(node, new TypeReference<>() {});
    }
}
