package dev.reviewgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code serve} refuses a bad setting with a message that names it, before anything starts. */
class ServeCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "localhost", "999.0.0.1", "127.1"})
    void aBindAddressThatIsNotAnIpAddressIsAClearStartupError(String address) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main())
                .setErr(new PrintWriter(err, true))
                .execute("serve", "--port", "0", "--bind", address);

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString())
                .contains("Invalid value for option '--bind': '" + address + "' is not an IP address")
                .doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--webhook-timeout-seconds=0",
                "--webhook-timeout-seconds=61",
                "--notify=sometimes",
                "--webhook-allow-private=maybe",
                "--webhook-allow-cidrs=10.0.0.0/33",
                "--max-body-bytes=10"
            })
    void aSettingOutOfRangeIsAUsageErrorNamingItNotAStackTrace(String setting) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main())
                .setErr(new PrintWriter(err, true))
                .execute("serve", "--port", "0", "--data-dir", "target/unused-serve-dir", setting);

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString())
                .containsPattern("REVIEWGATE_[A-Z_]+|--max-body-bytes")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
