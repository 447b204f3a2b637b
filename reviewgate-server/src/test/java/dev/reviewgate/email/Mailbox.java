package dev.reviewgate.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.reviewgate.config.Notifications;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server in the JVM (GreenMail) on a free port, and the messages it received. */
final class Mailbox implements AutoCloseable {

    static final String FROM = "reviewgate@example.com";
    private static final Pattern LINK = Pattern.compile("^(Open|Approve|Reject):\\s+(\\S+)$", Pattern.MULTILINE);

    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    Mailbox() {
        mail.start();
    }

    Notifications.Smtp server() {
        return new Notifications.Smtp("127.0.0.1", mail.getSmtp().getPort(), "none", null, null, FROM);
    }

    /** One received message: who it is to, its parts and its links. */
    record Mail(String to, String subject, String messageId, String text, String html) {

        String link(String name) {
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return m.group(2);
                }
            }
            throw new AssertionError("no " + name + " link in:\n" + text);
        }
    }

    List<Mail> received() {
        return Arrays.stream(mail.getReceivedMessages()).map(Mailbox::read).toList();
    }

    List<Mail> to(String address) {
        return received().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Waits until {@code address} has {@code count} messages (and checks there are no more). */
    List<Mail> await(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (to(address).size() < count && System.nanoTime() < deadline) {
            sleep(50);
        }
        List<Mail> got = to(address);
        assertThat(got).as("messages to " + address).hasSize(count);
        return got;
    }

    private static Mail read(MimeMessage m) {
        try {
            MimeMultipart parts = (MimeMultipart) m.getContent();
            String text = null;
            String html = null;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            return new Mail(
                    m.getRecipients(Message.RecipientType.TO)[0].toString(),
                    m.getSubject(),
                    m.getMessageID(),
                    text,
                    html);
        } catch (MessagingException | IOException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
