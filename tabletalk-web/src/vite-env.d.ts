/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the API, e.g. `/api` (same origin) or `https://api.example.com/api`. */
  readonly VITE_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
