package dev.reviewgate.email;

import dev.reviewgate.config.Notifications;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

/**
 * Sends one message over SMTP with Jakarta Mail: a text and an HTML part, a {@code Message-ID}
 * derived from the delivery id (so a receiver can tell a retry from a new message), and every
 * network step bounded by the timeout.
 */
public final class Mailer {

    /** A message to send; {@code messageId} is the delivery's id. */
    public record Mail(String to, String subject, String text, String html, String messageId) {}

    private final Duration timeout;

    public Mailer(Duration timeout) {
        this.timeout = timeout;
    }

    public void send(Notifications.Smtp server, Mail mail) throws MessagingException {
        Session session = session(server);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + mail.messageId() + "@reviewgate>");
            }
        };
        String from = server.from() != null ? server.from() : server.username();
        if (from == null) {
            throw new MessagingException("no sender address: set REVIEWGATE_SMTP_FROM");
        }
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        // A subject is one header line: agent text must not start another header.
        message.setSubject(mail.subject().replaceAll("[\\r\\n\\t]+", " "), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        Transport.send(message);
    }

    private Session session(Notifications.Smtp server) {
        boolean tls = Notifications.Smtp.TLS.equals(server.security());
        String protocol = tls ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", server.host());
        props.put(p + "port", Integer.toString(server.port()));
        // Each step of the dialogue gets half the timeout; the dispatcher's lease covers all of them.
        String step = Long.toString(timeout.toMillis() / 2);
        props.put(p + "connectiontimeout", step);
        props.put(p + "timeout", step);
        props.put(p + "writetimeout", step);
        if (Notifications.Smtp.STARTTLS.equals(server.security())) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (tls || Notifications.Smtp.STARTTLS.equals(server.security())) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        if (server.username() != null) {
            props.put(p + "auth", "true");
            return Session.getInstance(props, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(server.username(), server.password());
                }
            });
        }
        return Session.getInstance(props);
    }
}
