package dev.reviewgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reviewgate.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API, shaped like it: {@code POST /<method>} with a bearer
 * token (a wrong one is {@code invalid_auth}), JSON bodies for {@code chat.*} and {@code views.open},
 * form bodies for the {@code users.*} look-ups, {@code {"ok":…}} answers. Posting to a user id
 * answers with their DM channel ({@code U…} becomes {@code D…}), as Slack does. Every call is
 * recorded; a method can be told to answer 429 with a {@code Retry-After} once.
 */
public final class FakeSlack implements AutoCloseable {

    /** A call as received: the method, its arguments (the JSON body, or the form as an object) and its token. */
    public record Call(String method, JsonNode args, String authorization, String contentType, JsonNode answer) {
        public String arg(String name) {
            return args.path(name).asText(null);
        }
    }

    private final java.util.Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Slack user id → e-mail. */
    private final Map<String, String> users = new ConcurrentHashMap<>();

    private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000_000L);

    public FakeSlack(String token) throws IOException {
        tokens.add(token);
        @SuppressWarnings("AddressSelection")
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        server = HttpServer.create(loopback, 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The Web API base, as {@code REVIEWGATE_SLACK_API_URL} takes it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** Another app's bot token (an account's own Slack app) is accepted too. */
    public void allowToken(String token) {
        tokens.add(token);
    }

    /** A Slack user with this e-mail. */
    public void addUser(String slackUserId, String email) {
        users.put(slackUserId, email);
    }

    /** The next call of {@code method} answers 429 with {@code Retry-After: seconds}. */
    public void rateLimitOnce(String method, int seconds) {
        rateLimited.put(method, seconds);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits (10 s at most) for a call of {@code method} that {@code test} accepts. */
    public Call await(String method, Predicate<Call> test) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (Call c : calls) {
                if (c.method().equals(method) && test.test(c)) {
                    return c;
                }
            }
            sleep();
        }
        throw new AssertionError("no " + method + " call matched; calls: " + calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode args = type != null && type.startsWith("application/json") ? Json.parse(body) : form(body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            int status = 200;
            JsonNode answer;
            Integer wait = rateLimited.remove(method);
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith("/api/")) {
                status = 404;
                answer = error("unknown_method");
            } else if (wait != null) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(wait));
                status = 429;
                answer = error("ratelimited");
            } else if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
                answer = error("invalid_auth");
            } else {
                answer = respond(method, args);
            }
            calls.add(new Call(method, args, auth, type, answer));
            answer(exchange, status, answer);
        }
    }

    private ObjectNode respond(String method, JsonNode args) {
        ObjectNode ok = Json.object().put("ok", true);
        return switch (method) {
            case "chat.postMessage" -> posted(ok, args);
            case "chat.update" ->
                ok.put("channel", args.path("channel").asText())
                        .put("ts", args.path("ts").asText());
            case "chat.postEphemeral" -> ok.put("message_ts", nextTs());
            case "views.open" -> opened(ok, args);
            case "users.lookupByEmail" -> lookedUp(ok, args.path("email").asText(""));
            case "users.info" -> info(ok, args.path("user").asText(""));
            default -> error("unknown_method");
        };
    }

    private ObjectNode posted(ObjectNode ok, JsonNode args) {
        String channel = args.path("channel").asText("");
        if (channel.isEmpty()) {
            return error("channel_not_found");
        }
        String id = channel.startsWith("U") ? "D" + channel.substring(1) : channel;
        String stamp = nextTs();
        ok.put("channel", id).put("ts", stamp);
        ok.putObject("message").put("ts", stamp).put("text", args.path("text").asText(""));
        return ok;
    }

    private ObjectNode opened(ObjectNode ok, JsonNode args) {
        if (args.path("trigger_id").asText("").isEmpty()) {
            return error("invalid_trigger_id");
        }
        ok.putObject("view").put("id", "V" + ts.incrementAndGet());
        return ok;
    }

    private ObjectNode lookedUp(ObjectNode ok, String email) {
        return users.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(email))
                .findFirst()
                .map(e -> {
                    ok.putObject("user")
                            .put("id", e.getKey())
                            .putObject("profile")
                            .put("email", e.getValue());
                    return ok;
                })
                .orElseGet(() -> error("users_not_found"));
    }

    private ObjectNode info(ObjectNode ok, String id) {
        String email = users.get(id);
        if (email == null) {
            return error("user_not_found");
        }
        ok.putObject("user")
                .put("id", id)
                .put("deleted", false)
                .putObject("profile")
                .put("email", email);
        return ok;
    }

    private String nextTs() {
        long n = ts.incrementAndGet();
        return n / 1_000_000 + "." + String.format("%06d", n % 1_000_000);
    }

    private static ObjectNode error(String code) {
        return Json.object().put("ok", false).put("error", code);
    }

    private static ObjectNode form(String body) {
        ObjectNode out = Json.object();
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(Duration.ofMillis(25));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
