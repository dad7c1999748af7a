/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Lets `next dev` serve its client bundles to http://127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1"],
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "postgres"],
};

export default nextConfig;
