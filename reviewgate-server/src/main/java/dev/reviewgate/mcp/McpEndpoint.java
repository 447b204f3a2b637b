package dev.reviewgate.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.form.FormService;
import dev.reviewgate.json.Json;
import dev.reviewgate.ops.RequestMetrics;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewCreation;
import dev.reviewgate.review.ReviewReader;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The MCP server at {@code /mcp}: the official SDK's stateless Streamable HTTP transport (no session
 * id, so any instance answers any request), mounted in Javalin's Jetty behind {@link McpAccess}.
 * {@code Origin} and {@code Host} must name the public URL (403/421), which blocks DNS rebinding.
 * Tools run on the request's own (virtual) thread, so a waiting tool parks no pooled thread.
 */
public final class McpEndpoint {

    private final ApiKeyAuthenticator auth;
    private final RequestMetrics metrics;
    private final String publicUrl;
    private final int maxBodyBytes;
    private final List<SyncToolSpecification> tools;

    /** The endpoint with every tool, over the services the REST routes use. */
    public static McpEndpoint withTools(
            ApiKeyAuthenticator auth,
            RequestMetrics metrics,
            String publicUrl,
            long maxBodyBytes,
            FormService forms,
            ReviewCreation creation,
            ReviewCommands commands,
            ReviewReader reader) {
        List<SyncToolSpecification> tools = new ArrayList<>(
                new ReviewTools(forms, creation, reader, new McpDecisions(commands), publicUrl).tools());
        tools.addAll(new GateTools(creation, reader, publicUrl).tools());
        return new McpEndpoint(auth, metrics, publicUrl, maxBodyBytes, tools);
    }

    McpEndpoint(
            ApiKeyAuthenticator auth,
            RequestMetrics metrics,
            String publicUrl,
            long maxBodyBytes,
            List<SyncToolSpecification> tools) {
        this.auth = auth;
        this.metrics = metrics;
        this.publicUrl = publicUrl;
        this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE, maxBodyBytes);
        this.tools = List.copyOf(tools);
    }

    /** Adds the filter and the servlet to Javalin's servlet context. */
    public void mount(ServletContextHandler handler) {
        McpJsonMapper mapper =
                new JacksonMcpJsonMapper(Json.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(mapper)
                .messageEndpoint(McpAccess.ROUTE)
                .contextExtractor(request -> {
                    Map<String, Object> values = new HashMap<>();
                    values.put(McpAccess.PRINCIPAL, request.getAttribute(McpAccess.PRINCIPAL));
                    return McpTransportContext.create(values);
                })
                .securityValidator(securityValidator(publicUrl))
                .maxRequestSize(maxBodyBytes)
                .build();
        McpServer.sync(transport)
                .jsonMapper(mapper)
                .serverInfo("reviewgate", version())
                .instructions("Reviewgate puts a person between an agent and its output: request_review opens a"
                        + " review, wait_for_decision waits for the verdict, request_permission asks before a"
                        + " tool call, ask_human asks a question.")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .immediateExecution(true)
                .validateToolInputs(true)
                .tools(tools)
                .build();
        handler.addFilter(
                new FilterHolder(new McpAccess(auth, metrics)), McpAccess.ROUTE, EnumSet.of(DispatcherType.REQUEST));
        handler.addServlet(new ServletHolder(transport), McpAccess.ROUTE);
    }

    /** Only the public URL's origin and host; a request without {@code Origin} (not a browser) is let through. */
    static DefaultServerTransportSecurityValidator securityValidator(String publicUrl) {
        URI uri = URI.create(publicUrl);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return DefaultServerTransportSecurityValidator.builder()
                .allowedOrigin(origin)
                .allowedHost(uri.getRawAuthority())
                .build();
    }

    private static String version() {
        String version = McpEndpoint.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
