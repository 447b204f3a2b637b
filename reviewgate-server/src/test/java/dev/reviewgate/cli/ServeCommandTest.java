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
        int exit = new CommandLine(new Main()).setErr(new PrintWriter(err, true))
                .execute("serve", "--port", "0", "--bind", address);

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString())
                .contains("Invalid value for option '--bind': '" + address + "' is not an IP address")
                .doesNotContain("Exception");
    }
}
