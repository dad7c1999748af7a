# syntax=docker/dockerfile:1
# The Council Shared Services Map as a container: a multi-stage build of Next.js's standalone
# server, run as an unprivileged user. It needs a PostgreSQL database (DATABASE_URL) and the
# secrets every instance must share (see README, "Running several instances").
#
#   docker build -t shared-services-map .
#   docker build --target tools -t shared-services-map-tools .    # migrations and seeding
#   docker run --rm -e DATABASE_URL=… shared-services-map-tools npm run db:seed -- --no-demo
#   docker run -p 3000:3000 -e DATABASE_URL=… -e NEXTAUTH_SECRET=… -e NEXTAUTH_URL=https://… \
#     shared-services-map

# Node.js 24 LTS (the app also supports 20.9+; README, Quick start).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci applies patches/ (patch-package) as it installs: the database driver carries a fix.
# It also brings the embedded database's PostgreSQL binaries (for `npm run dev` without
# DATABASE_URL); the standalone server below does not carry them, and always needs DATABASE_URL.
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Both are embedded in the build (README, "Running several instances"): give every separately
# built image the same key, and each release its own id.
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
ARG DEPLOYMENT_ID
ENV NEXT_TELEMETRY_DISABLED=1 \
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY} \
    DEPLOYMENT_ID=${DEPLOYMENT_ID}
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The build needs no database: pages read it at request time.
RUN npm run build

# The full toolchain, for `npm run db:migrate` and `npm run db:seed` against DATABASE_URL.
FROM build AS tools
USER node
CMD ["npm", "run", "db:migrate"]

FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# The standalone server carries only the files it traced; the static assets, the migrations and
# the migrator (used by the entrypoint) are added beside it.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
COPY --from=build --chown=node:node /app/node_modules/drizzle-orm ./node_modules/drizzle-orm
COPY --from=build --chown=node:node /app/scripts/docker-entrypoint.mjs ./docker-entrypoint.mjs
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "docker-entrypoint.mjs"]
