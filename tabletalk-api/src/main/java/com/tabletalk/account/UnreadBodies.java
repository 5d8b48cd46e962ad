package com.tabletalk.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads and drops the body of a request that is refused before its resource runs. A body left unread makes the
 * server close the connection after answering, which a client that has already reused it sees as a broken
 * request instead of the refusal. The body size limit, applied earlier, bounds what is read.
 */
final class UnreadBodies {

    /** More than any console request carries; beyond it the connection may as well close. */
    static final long MAX_BYTES = 64 * 1024;

    private UnreadBodies() {}

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

    /** The same where only the servlet request is at hand; reads at most {@link #MAX_BYTES}. */
    static void discard(HttpServletRequest request) {
        try {
            InputStream in = request.getInputStream();
            long read = 0;
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0 && read < MAX_BYTES; n = in.read(buffer)) {
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            // As above: the refusal stands either way.
        }
    }
}
