package com.tabletalk.dev;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;

/**
 * What the run command prints once the app is up: where it runs, a table to try at once (any walk-in code works,
 * so {@code demo-1} needs no setup) and that table's QR code, and how to let real phones on the same network in.
 */
final class DevBanner {

    static final String DEMO_TABLE = "demo-1";

    private DevBanner() {}

    /**
     * {@code frontendUrl} as configured (blank when unset), the port the app listens on, and this machine's address
     * on the local network, if it has one, for the example.
     */
    static String text(String frontendUrl, String port, Optional<String> lanAddress) {
        String origin = frontendUrl == null || frontendUrl.isBlank()
                ? "http://localhost:" + port
                : frontendUrl.strip().replaceAll("/+$", "");
        StringBuilder text = new StringBuilder()
                .append("Table-Talk is running at ")
                .append(origin)
                .append('\n')
                .append("  Try a table:  ")
                .append(origin)
                .append("/t/")
                .append(DEMO_TABLE)
                .append('\n')
                .append("  Its QR code:  ")
                .append(origin)
                .append("/api/tables/")
                .append(DEMO_TABLE)
                .append("/qr.png\n");
        if (isLocalOnly(origin)) {
            String example = "http://" + lanAddress.orElse("192.168.1.20") + ":" + port;
            text.append("  Phones on the same network can't open localhost: restart with FRONTEND_URL set to this ")
                    .append("machine's address, e.g.\n")
                    .append("    FRONTEND_URL=")
                    .append(example)
                    .append(" mvn -Pdev -DskipTests package\n");
        } else {
            text.append("  Phones on the same network: scan the QR code, or open the table's link.\n");
        }
        return text.toString();
    }

    private static boolean isLocalOnly(String origin) {
        String host;
        try {
            host = URI.create(origin).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return host == null
                || host.equals("localhost")
                || host.startsWith("127.")
                || host.equals("[::1]")
                || host.equals("::1");
    }

    /** This machine's first private IPv4 address on an interface that is up, if any. */
    static Optional<String> lanAddress() {
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback() || network.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
