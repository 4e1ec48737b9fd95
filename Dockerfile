# syntax=docker/dockerfile:1
# One multi-target build for every Switchboard process:
#   docker build --target api   -t switchboard-api .
#   docker build --target relay -t switchboard-relay .
#   docker build --target web   -t switchboard-web .
# docker-compose.yml builds all three. Node 20 LTS (the code also runs on 22 and 24).
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: install with the lockfile, compile every package, then drop dev dependencies ----
FROM ${NODE_IMAGE} AS build
ENV NEXT_TELEMETRY_DISABLED=1 CI=true
# corepack needs network access to its own CDN; npm reaches the registry like pnpm does.
RUN npm i -g pnpm@10.34.9
WORKDIR /app
# Manifests first: the dependency layer is reused until the lockfile or a manifest changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY shared/package.json shared/
COPY api/package.json api/
COPY relay/package.json relay/
COPY web/package.json web/
COPY test/package.json test/
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
    pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @switchboard/shared build \
 && pnpm --filter @switchboard/api build \
 && pnpm --filter @switchboard/relay build \
 && pnpm --filter @switchboard/web build
# Production dependencies only; pnpm's links inside /app are relative, so the trees copy as is.
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
    pnpm install --frozen-lockfile --prod --config.confirmModulesPurge=false

# ---- runtime base: the workspace root and the shared package ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build /app/package.json /app/pnpm-workspace.yaml ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/shared/package.json ./shared/
COPY --from=build /app/shared/dist ./shared/dist
COPY --from=build /app/shared/node_modules ./shared/node_modules
# The official image's unprivileged user.
USER node

# ---- api: GraphQL, migrations (run at start), usage writer and other workers ----
FROM runtime AS api
COPY --from=build /app/api/package.json ./api/
COPY --from=build /app/api/dist ./api/dist
COPY --from=build /app/api/node_modules ./api/node_modules
ENV API_PORT=4000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.API_PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "api/dist/main.js"]

# ---- relay: the OpenAI-compatible /v1 endpoint, a node:cluster worker pool ----
FROM runtime AS relay
COPY --from=build /app/relay/package.json ./relay/
COPY --from=build /app/relay/dist ./relay/dist
COPY --from=build /app/relay/node_modules ./relay/node_modules
ENV RELAY_PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.RELAY_PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM lets streams finish and the usage stream stay consistent (see docs/deployment.md).
STOPSIGNAL SIGTERM
CMD ["node", "relay/dist/main.js"]

# ---- web: the Next.js console behind its own server (proxies /graphql and /v1) ----
FROM runtime AS web
COPY --from=build /app/web/package.json /app/web/server.mjs /app/web/proxy-helpers.mjs ./web/
COPY --from=build /app/web/next.config.ts ./web/
COPY --from=build /app/web/.next ./web/.next
COPY --from=build /app/web/node_modules ./web/node_modules
ENV WEB_PORT=3001
EXPOSE 3001
WORKDIR /app/web
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WEB_PORT||3001)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.mjs"]
