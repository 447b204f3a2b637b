package dev.reviewgate.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature.Generator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The verifier accepts exactly what Slack's own library signs, within five minutes, and nothing else. */
class SlackSignatureTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BODY = "payload=%7B%22type%22%3A%22block_actions%22%7D";
    private static final long NOW = 1_764_633_600L;

    private static SlackSignature.Check verify(String secret, long ts, String signature, String body, long now) {
        return SlackSignature.verify(secret, Long.toString(ts), signature, body.getBytes(StandardCharsets.UTF_8), now);
    }

    private static String slackSigns(long ts, String body) {
        return new Generator(SECRET).generate(Long.toString(ts), body);
    }

    @Test
    void aRequestSignedBySlacksLibraryIsValid() {
        assertThat(verify(SECRET, NOW, slackSigns(NOW, BODY), BODY, NOW)).isEqualTo(SlackSignature.Check.VALID);
        assertThat(SlackSignature.sign(SECRET, Long.toString(NOW), BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(slackSigns(NOW, BODY));
    }

    @Test
    void slacksDocumentedExampleVerifies() {
        // The example of Slack's "Verifying requests from Slack" page.
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        String signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
        assertThat(verify(SECRET, 1_531_420_618L, signature, body, 1_531_420_618L))
                .isEqualTo(SlackSignature.Check.VALID);
    }

    @Test
    void anotherSecretATamperedBodyOrAnotherTimestampIsABadSignature() {
        String signature = slackSigns(NOW, BODY);
        assertThat(verify("another-secret", NOW, signature, BODY, NOW)).isEqualTo(SlackSignature.Check.BAD_SIGNATURE);
        assertThat(verify(SECRET, NOW, signature, BODY + "x", NOW)).isEqualTo(SlackSignature.Check.BAD_SIGNATURE);
        assertThat(verify(SECRET, NOW + 1, signature, BODY, NOW)).isEqualTo(SlackSignature.Check.BAD_SIGNATURE);
        assertThat(verify(SECRET, NOW, signature.toUpperCase(java.util.Locale.ROOT), BODY, NOW))
                .isEqualTo(SlackSignature.Check.BAD_SIGNATURE);
        assertThat(verify(SECRET, NOW, "v1=" + signature.substring(3), BODY, NOW))
                .isEqualTo(SlackSignature.Check.BAD_SIGNATURE);
    }

    @Test
    void moreThanFiveMinutesEitherWayIsStaleHoweverWellSigned() {
        assertThat(verify(SECRET, NOW - 300, slackSigns(NOW - 300, BODY), BODY, NOW))
                .isEqualTo(SlackSignature.Check.VALID);
        assertThat(verify(SECRET, NOW - 301, slackSigns(NOW - 301, BODY), BODY, NOW))
                .isEqualTo(SlackSignature.Check.STALE);
        assertThat(verify(SECRET, NOW - 600, slackSigns(NOW - 600, BODY), BODY, NOW))
                .isEqualTo(SlackSignature.Check.STALE);
        assertThat(verify(SECRET, NOW + 301, slackSigns(NOW + 301, BODY), BODY, NOW))
                .isEqualTo(SlackSignature.Check.STALE);
        assertThat(SlackSignature.verify(SECRET, "soon", slackSigns(NOW, BODY), new byte[0], NOW))
                .isEqualTo(SlackSignature.Check.STALE);
    }

    @Test
    void noSecretNoTimestampOrNoSignatureIsMissing() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(SlackSignature.verify(null, Long.toString(NOW), slackSigns(NOW, BODY), body, NOW))
                .isEqualTo(SlackSignature.Check.MISSING);
        assertThat(SlackSignature.verify(SECRET, null, slackSigns(NOW, BODY), body, NOW))
                .isEqualTo(SlackSignature.Check.MISSING);
        assertThat(SlackSignature.verify(SECRET, Long.toString(NOW), null, body, NOW))
                .isEqualTo(SlackSignature.Check.MISSING);
    }
}
