package org.fitsflow.routes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

/**
 * Where the web server listens, decided on Spring Boot's own Tomcat factory as it starts: loopback
 * without a token, every interface with one or on request (warned about loudly), and always the
 * {@code server.address} the user set. The service's tests see the result on the running connector
 * ({@code ServiceMetricsTest}, {@code AccessControlTest}).
 */
@ExtendWith(OutputCaptureExtension.class)
class NetworkBindingTest {
    private static final String TOKEN = "a-token-of-sixteen-or-more";

    @Test
    void withoutATokenItListensOnLoopbackOnly(CapturedOutput log) {
        assertThat(boundAddress(null, null, false)).isEqualTo("127.0.0.1");
        assertThat(log.getOut()).contains("No access token set: listening on 127.0.0.1 only").doesNotContain("WITHOUT");
    }

    @Test
    void withATokenItListensOnEveryInterface(CapturedOutput log) {
        assertThat(boundAddress(null, TOKEN, false)).as("every interface").isNull();
        assertThat(log.getOut()).contains("Access token set").doesNotContain(TOKEN);
    }

    @Test
    void openNetworkWithoutATokenListensOnEveryInterfaceAndWarnsLoudly(CapturedOutput log) {
        assertThat(boundAddress(null, null, true)).isNull();
        assertThat(log.getOut()).contains("WARN").contains("*****").contains("FitsFlow listens on all network interfaces WITHOUT an access token");
    }

    @Test
    void anAddressTheUserSetWinsAndIsWarnedAboutWhenItIsNotLoopback(CapturedOutput log) {
        assertThat(boundAddress("127.0.0.2", null, false)).isEqualTo("127.0.0.2");
        assertThat(log.getOut()).doesNotContain("WITHOUT");

        assertThat(boundAddress("0.0.0.0", null, false)).isEqualTo("0.0.0.0");
        assertThat(log.getOut()).contains("FitsFlow listens on 0.0.0.0 WITHOUT an access token");

        assertThat(boundAddress("127.0.0.2", TOKEN, false)).isEqualTo("127.0.0.2");
    }

    /** The address Tomcat is told, after Spring Boot's own customizer (which applies {@code server.address}) and ours. */
    private static String boundAddress(String serverAddress, String token, boolean openNetwork) {
        ServerProperties server = new ServerProperties();
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        if (serverAddress != null) {
            try {
                server.setAddress(InetAddress.getByName(serverAddress));
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
            factory.setAddress(server.getAddress());
        }
        SecuritySettings settings = new SecuritySettings(token, openNetwork);
        new NetworkBinding(server, settings, new AccessCheck(settings, new BrowserSessions(Clock.systemUTC()))).customize(factory);
        return factory.getAddress() == null ? null : factory.getAddress().getHostAddress();
    }
}
