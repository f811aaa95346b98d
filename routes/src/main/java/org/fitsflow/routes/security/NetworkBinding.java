package org.fitsflow.routes.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Where the web server listens. Without a token, on 127.0.0.1 only: a service anyone on the network
 * could use to upload, process and delete must be asked for. {@code fitsflow.security.open-network=true}
 * asks for it (and is warned about loudly); with a token it listens on every interface. A
 * {@code server.address} the user set always wins.
 */
@Component
public class NetworkBinding implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {
    static final InetAddress LOOPBACK = loopback();
    private static final Logger LOG = LoggerFactory.getLogger(NetworkBinding.class);

    private final ServerProperties server;
    private final SecuritySettings settings;
    private final AccessCheck access;

    public NetworkBinding(ServerProperties server, SecuritySettings settings, AccessCheck access) {
        this.server = server;
        this.settings = settings;
        this.access = access;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        InetAddress address = server.getAddress();
        if (access.required()) {
            LOG.info("Access token set: the API, the page's data and /actuator/prometheus need it; listening on {}",
                    address == null ? "all interfaces" : address.getHostAddress());
        } else if (address == null && !settings.openNetwork()) {
            factory.setAddress(LOOPBACK);
            LOG.info("No access token set: listening on {} only. To serve other machines, set FITSFLOW_SECURITY_TOKEN "
                    + "(or, without a token, fitsflow.security.open-network=true)", LOOPBACK.getHostAddress());
        } else if (address == null || !address.isLoopbackAddress()) {
            LOG.warn("""

                    ****************************************************************************************
                    * FitsFlow listens on {} WITHOUT an access token.
                    * Anyone who can reach this machine can upload, process, download and delete.
                    * Set FITSFLOW_SECURITY_TOKEN to require a token, or leave fitsflow.security.open-network
                    * and server.address unset to listen on 127.0.0.1 only.
                    ****************************************************************************************""",
                    address == null ? "all network interfaces" : address.getHostAddress());
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
