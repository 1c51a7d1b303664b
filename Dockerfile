# The API image; Meilisearch runs as its own service (docker-compose.yml), so the embedded binary is left out.
# Node 26, the active LTS line (package.json's engines: 22 or newer).

# The build (scripts/build.mjs) needs esbuild's binary, an optional dependency: installed here only, with the rest.
FROM node:26-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build.mjs ./scripts/
COPY src ./src
RUN node scripts/build.mjs

FROM node:26-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build.mjs scripts/start.mjs ./scripts/
# The sources stay: a start checks the build against them (and resolves samples/ and index-config/ from them).
COPY src ./src
COPY --from=build /app/dist ./dist
COPY index-config ./index-config
COPY samples ./samples
COPY openapi.yaml ./
# DATA_DIR: the write lock that serializes the server and `docker compose exec api npm run index` lives here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# What `npm start` runs, without npm in between (signals go straight to the server).
CMD ["node", "scripts/start.mjs", "server"]
