package com.tabletalk.dev;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves the built web app as the CDN would: a file when one exists at the path, otherwise index.html so that
 * client-side routes survive a refresh. Hashed assets are cacheable forever; index.html, the service worker (sw.js)
 * and everything else unhashed are revalidated on every load, so a new version is found at once. The same
 * Content-Security-Policy as the production static site is applied.
 */
final class StaticSiteServlet extends HttpServlet {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
            + "media-src 'self' blob:; font-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final Path root;

    StaticSiteServlet(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.equals("/api")) {
            response.sendError(404);
            return;
        }
        Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
        boolean isAsset = file.startsWith(root) && Files.isRegularFile(file);
        if (!isAsset) {
            file = root.resolve("index.html");
            if (!Files.isRegularFile(file)) {
                response.sendError(404, "The web app is not built: run mvn -DskipTests package");
                return;
            }
        }
        String type = contentType(file);
        response.setContentType(type);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader(
                "Cache-Control",
                isAsset && path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".wasm")) {
            return "application/wasm";
        }
        if (name.endsWith(".webmanifest")) {
            return "application/manifest+json";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed == null ? "application/octet-stream" : guessed;
    }
}
