import { fileURLToPath } from "node:url";

const production = process.env.NODE_ENV === "production";

// The Content-Security-Policy is not here: proxy.ts sets it on every page and API answer
// (lib/csp.ts), with a fresh nonce on the pages rendered per request. Static files need none.
const securityHeaders = [
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
