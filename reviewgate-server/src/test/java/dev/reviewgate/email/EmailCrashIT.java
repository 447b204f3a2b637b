package dev.reviewgate.email;

import static dev.reviewgate.testing.JarProcess.find;
import static dev.reviewgate.testing.JarProcess.readUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.JarProcess;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the packaged server while its e-mails are pending (the SMTP server is down,
 * so none could be sent yet): after a restart with the SMTP server up, every planned message
 * arrives, and none twice.
 */
class EmailCrashIT {

    private static final String KEY = "rg_email_crash_key_0123456789abcdef";
    private static final int REVIEWS = 30;
    private Process server;
    private GreenMail smtp;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void everyPendingMessageIsSentOnceAfterAKill() throws Exception {
        Path dataDir = Files.createTempDirectory("reviewgate-email-crash-");
        int smtpPort = freePort();
        Api api = start(dataDir, smtpPort);
        api.post("/v1/forms", Fixtures.blogForm());
        String email = "crash-reviewer@example.com";
        assertThat(api.post("/v1/users", Map.of("email", email, "name", "Crash Reviewer", "role", "reviewer"))
                        .status())
                .isEqualTo(201);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REVIEWS; i++) {
            ids.add(api.post(
                            "/v1/reviews",
                            Map.of(
                                    "formId",
                                    "blog-review",
                                    "title",
                                    "Crash " + i,
                                    "assignTo",
                                    List.of(email),
                                    "fields",
                                    Fixtures.blogFields("Post " + i, "https://cdn.example.com/a.jpg")))
                    .body()
                    .get("reviewId")
                    .asText());
        }

        // Killed well inside the first retry delay (5 s): every message is pending, none was sent.
        server.destroyForcibly();
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        start(dataDir, smtpPort);

        // Messages the killed server had claimed come back when their lease (4 x 15 s + 5 s) runs out.
        assertThat(smtp.waitForIncomingEmail(180_000, REVIEWS)).isTrue();
        Thread.sleep(7_000); // a second retry round, had anything been left to resend
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(REVIEWS);
        Set<String> messageIds = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        for (MimeMessage m : received) {
            messageIds.add(m.getMessageID());
            subjects.add(m.getSubject());
        }
        assertThat(messageIds).as("one Message-ID per delivery").hasSize(REVIEWS);
        assertThat(subjects)
                .as("one message per review")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, REVIEWS)
                        .mapToObj(i -> "Review requested: Crash " + i)
                        .toList());
        assertThat(ids).doesNotHaveDuplicates().hasSize(REVIEWS);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Api start(Path dataDir, int smtpPort) throws Exception {
        server = JarProcess.java(
                        Map.of(
                                "REVIEWGATE_BOOTSTRAP_API_KEY", KEY,
                                "REVIEWGATE_SMTP_HOST", "127.0.0.1",
                                "REVIEWGATE_SMTP_PORT", Integer.toString(smtpPort),
                                "REVIEWGATE_SMTP_SECURITY", "none",
                                "REVIEWGATE_SMTP_FROM", "reviewgate@example.com"),
                        "serve",
                        "--port",
                        "0",
                        "--data-dir",
                        dataDir.toString())
                .start();
        List<String> printed = readUntil(server, "Reviewgate is running at");
        return new Api(find(printed, "Reviewgate is running at (http://localhost:\\d+)"), KEY);
    }
}
