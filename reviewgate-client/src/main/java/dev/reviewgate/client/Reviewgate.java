package dev.reviewgate.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The entry point of the SDK: one instance per Reviewgate server and API key, safe to share
 * between threads.
 *
 * <pre>{@code
 * Reviewgate rg = Reviewgate.builder()
 *         .baseUrl("http://localhost:8080")   // default: $REVIEWGATE_BASE_URL
 *         .apiKey(System.getenv("MY_KEY"))    // default: $REVIEWGATE_API_KEY
 *         .build();
 * }</pre>
 *
 * <p>Ask for review gotoHuman style with {@link #createReview(String)}; read, edit, decide and wait
 * Retab style with {@link #reviews()}; claim, assign, move deadlines and decide in bulk with
 * {@link #work()}; manage forms with {@link #forms()}, people with {@link #users()} and
 * {@link #groups()}, and webhooks with {@link #webhooks()}.
 */
public final class Reviewgate implements AutoCloseable {

    /** The environment variable read when no base URL is given. */
    public static final String BASE_URL_ENV = "REVIEWGATE_BASE_URL";
    /** The environment variable read when no API key is given. */
    public static final String API_KEY_ENV = "REVIEWGATE_API_KEY";

    private final HttpClient ownedHttpClient;
    private final ExecutorService async;
    private final Reviews reviews;
    private final Forms forms;
    private final Webhooks webhooks;
    private final Work work;
    private final Users users;
    private final Groups groups;

    private Reviewgate(Transport transport, HttpClient ownedHttpClient) {
        this.ownedHttpClient = ownedHttpClient;
        // Async sends block a virtual thread, not a platform one, so thousands in flight are cheap.
        this.async = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("reviewgate-async-", 0).factory());
        this.reviews = new Reviews(transport, async);
        this.forms = new Forms(transport);
        this.webhooks = new Webhooks(transport);
        this.work = new Work(transport);
        this.users = new Users(transport);
        this.groups = new Groups(transport);
    }

    /**
     * Starts configuring a client.
     *
     * @return a builder whose base URL and API key default to the environment
     */
    public static Builder builder() {
        return new Builder(System::getenv);
    }

    /**
     * Starts a request for review against a form (gotoHuman's {@code createReview}). Add the
     * field values and options, then {@link ReviewRequestBuilder#sendRequest()}, or
     * {@link ReviewRequestBuilder#build()} the request and send it with {@link Reviews#send(ReviewRequest)}.
     *
     * @param formId the form (review template) id, e.g. {@code blog-review}
     * @return a new builder; each builder gives its requests their own idempotency key
     */
    public ReviewRequestBuilder createReview(String formId) {
        return new ReviewRequestBuilder(reviews, formId);
    }

    /**
     * The review API: queue, read, edit, instruct, decide and wait (Retab's {@code reviews.*}).
     *
     * @return the reviews client
     */
    public Reviews reviews() {
        return reviews;
    }

    /**
     * The human side of open reviews: claims, assignment, deadlines and bulk decisions.
     *
     * @return the work client
     */
    public Work work() {
        return work;
    }

    /**
     * The account's users, who review and administer.
     *
     * @return the users client
     */
    public Users users() {
        return users;
    }

    /**
     * The account's groups of users, to route reviews to.
     *
     * @return the groups client
     */
    public Groups groups() {
        return groups;
    }

    /**
     * The form (review template) API.
     *
     * @return the forms client
     */
    public Forms forms() {
        return forms;
    }

    /**
     * The webhook API: endpoints and the account signing secret. Verify received webhooks with
     * the static {@link Webhooks#verify(String, java.util.Map, String)}.
     *
     * @return the webhooks client
     */
    public Webhooks webhooks() {
        return webhooks;
    }

    /**
     * Stops the threads of {@link Reviews#sendAsync(ReviewRequest)} (calls already running complete)
     * and shuts down the HTTP client the SDK created (running calls complete, new ones are refused);
     * one given to the builder stays open.
     */
    @Override
    public void close() {
        async.shutdown();
        if (ownedHttpClient != null) {
            ownedHttpClient.shutdown(); // not close(): that would block until running long polls end
        }
    }

    /** Configures a {@link Reviewgate}. */
    public static final class Builder {

        private final UnaryOperator<String> env;
        private String baseUrl;
        private String apiKey;
        private HttpClient httpClient;
        private Duration timeout = Duration.ofSeconds(30);
        private int maxRetries = RetryPolicy.DEFAULT.maxRetries();

        Builder(UnaryOperator<String> env) {
            this.env = env;
        }

        /**
         * The server's base URL.
         *
         * @param baseUrl e.g. {@code http://localhost:8080}; default {@code $REVIEWGATE_BASE_URL}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * The API key, sent as {@code Authorization: Bearer <key>}.
         *
         * @param apiKey the key; default {@code $REVIEWGATE_API_KEY}
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The JDK HTTP client to use, e.g. one with a proxy or custom TLS.
         *
         * @param httpClient the client; default a new one with a 10 s connect timeout
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * How long one request may take. Long polls get their wait time on top of this.
         *
         * @param timeout the per-request timeout; default 30 s
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * How often a safe request is retried after 429, 502, 503, 504 or a network error.
         *
         * @param maxRetries retries after the first attempt, 0 to never retry; default 2
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException when no base URL or API key is given or set in the environment
         */
        public Reviewgate build() {
            String url = resolve(baseUrl, BASE_URL_ENV, "baseUrl", "http://localhost:8080");
            String key = resolve(apiKey, API_KEY_ENV, "apiKey", "rg_…");
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalStateException("baseUrl must be an http or https URL, not '" + url + "'");
            }
            HttpClient http = httpClient != null
                    ? httpClient
                    : HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(10))
                            .build();
            RetryPolicy policy =
                    new RetryPolicy(maxRetries, RetryPolicy.DEFAULT.base(), RetryPolicy.DEFAULT.maxDelay());
            return new Reviewgate(new Transport(http, url, key, timeout, policy), httpClient == null ? http : null);
        }

        private String resolve(String given, String variable, String setter, String example) {
            String value = given != null && !given.isBlank() ? given : env.apply(variable);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("No " + setter + ": call Reviewgate.builder()." + setter + "(…) or set "
                        + variable + " (e.g. " + variable + "=" + example + ")");
            }
            return value.strip();
        }
    }
}
