package com.tabletalk.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Refuses request bodies over the limit with 413, whether the client announces the length or streams it
 * chunked, before any of it is parsed.
 */
@PreMatching
public class BodySizeLimitFilter implements ContainerRequestFilter {

    private final int defaultMaxBytes;
    private final Map<String, Integer> largerByPath;

    public BodySizeLimitFilter(int maxBytes) {
        this(maxBytes, Map.of());
    }

    /** With larger limits for the few endpoints that take files, by their path under the API root. */
    public BodySizeLimitFilter(int maxBytes, Map<String, Integer> largerByPath) {
        this.defaultMaxBytes = maxBytes;
        this.largerByPath = Map.copyOf(largerByPath);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
        int maxBytes = largerByPath.getOrDefault(path, defaultMaxBytes);
        String declared = request.getHeaderString("Content-Length");
        if (declared != null && !declared.isBlank()) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                throw ApiException.invalid("Content-Length must be a number of bytes.");
            }
            if (length > maxBytes) {
                throw tooLarge(maxBytes);
            }
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBytes));
    }

    private static ApiException tooLarge(int maxBytes) {
        return new ApiException(
                ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + (maxBytes / 1024) + " KiB.");
    }

    private static final class LimitedStream extends FilterInputStream {
        private final int maxBytes;
        private long remaining;

        LimitedStream(InputStream in, int limit) {
            super(in);
            this.maxBytes = limit;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            if (next >= 0 && --remaining < 0) {
                throw tooLarge(maxBytes);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            if (count > 0) {
                remaining -= count;
                if (remaining < 0) {
                    throw tooLarge(maxBytes);
                }
            }
            return count;
        }
    }
}
