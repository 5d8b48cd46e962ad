package com.tabletalk.account;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Reads and drops the body of a request that is refused before its resource runs. A body left unread makes the
 * server close the connection after answering, which a client that has already reused it sees as a broken
 * request instead of the refusal. The body size limit, applied earlier, bounds what is read.
 */
final class UnreadBodies {

    private UnreadBodies() {
    }

    static void discard(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        try {
            request.getEntityStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // The refusal is answered either way; a body that cannot be read only costs the connection.
        }
    }
}
