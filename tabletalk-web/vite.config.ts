/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The static site's Content-Security-Policy. App Platform static sites cannot set response headers, so the built
 * index.html carries it as a <meta> (frame-ancestors only works as a header; the local launcher sends that one).
 * Only in builds: the dev server's hot reload needs inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  // The service worker (sw.js) and the web app manifest come from the site itself.
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'tabletalk-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/**
 * Writes which source modules went into each built chunk (dist/.vite/chunk-modules.json), so
 * scripts/check-bundle-size.mjs can prove that the diner's first screen carries no console code.
 */
function chunkModules(): Plugin {
  return {
    name: 'tabletalk-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const root = fileURLToPath(new URL('./', import.meta.url));
      const modules: Record<string, string[]> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        modules[output.fileName] = output.moduleIds
          .filter((id) => id.startsWith(root))
          .map((id) => id.slice(root.length));
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunk-modules.json', source: JSON.stringify(modules, null, 2) });
    },
  };
}

/**
 * Makes the diner's app installable and lets it open without the network: a service worker precaches the built
 * shell (HTML, JS, CSS, icons) and answers every page of the app with index.html. The API is never cached here:
 * the session's state always comes from the service, and a one-phone session keeps its own deck (see
 * src/features/session/live/offline-play.ts). A new version installs in the background and takes over once no tab
 * runs the old one, so an open session never loses the lazy chunks it was built with. Registered from a small
 * separate file (registerSW.js) that the CSP allows, outside the first screen's JavaScript.
 */
function offlineShell() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: 'script-defer',
    // The icons are precached with the rest of the shell below.
    includeManifestIcons: false,
    manifest: {
      name: 'Table-Talk',
      short_name: 'Table-Talk',
      description: 'Conversation cards for two at the dinner table.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#faf6f1',
      background_color: '#faf6f1',
      icons: [
        { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      // Not for a diner without the network: the restaurant console (its app and chart) and the camera scanner.
      globIgnores: ['**/ConsoleApp-*', '**/uPlot*', '**/QrScanner-*'],
      navigateFallback: 'index.html',
      // The API and the service's own pages are never answered from the cache.
      navigateFallbackDenylist: [/^\/api(\/|$)/],
      runtimeCaching: [],
      cleanupOutdatedCaches: true,
      // The first install takes the open page at once (nothing older to break); later versions wait.
      clientsClaim: true,
      skipWaiting: false,
    },
  });
}

// The dev server forwards the API (REST and the live WebSocket) to a locally running service,
// mirroring the production ingress where the SPA and /api share one origin.
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [contentSecurityPolicy(), chunkModules(), react(), tailwindcss(), offlineShell()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
    },
  },
  build: {
    // The manifest lets scripts/check-bundle-size.mjs find exactly what the first screen loads.
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    unstubEnvs: true,
  },
});
