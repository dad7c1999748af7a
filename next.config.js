import { fileURLToPath } from "node:url";

const production = process.env.NODE_ENV === "production";

// Next.js streams pages with inline <script> tags, so scripts need 'unsafe-inline' unless every
// page carries a per-request nonce, which would stop public pages being cached. Everything else
// is locked down: no plugins, no <base>, no framing, no third-party origins.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Browsers only honour HSTS over HTTPS, so sending it from a production build is always safe.
  ...(production
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A self-contained server in .next/standalone for the Docker image (see Dockerfile).
  output: "standalone",
  // Names the build for version-skew protection in rolling deploys (README).
  deploymentId: process.env.DEPLOYMENT_ID || undefined,
  reactStrictMode: true,
  // Lets `next dev` serve its client bundles to http://127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1"],
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "postgres"],
  // Pages and public data are cached in memory per instance; invalidations reach every instance
  // through the database (lib/cache/shared-cache-handler.mjs). Next's own memory layer is off
  // so there is one cache, not two.
  cacheHandler: fileURLToPath(new URL("./lib/cache/shared-cache-handler.mjs", import.meta.url)),
  cacheMaxMemorySize: 0,
  experimental: {
    // CSV bulk import (/workspace/import) takes files up to 5 MB; the headroom lets a larger
    // file reach the action, which refuses it with a clear message instead of a bare 413.
    serverActions: { bodySizeLimit: "8mb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
