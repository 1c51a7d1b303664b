# The API image; Meilisearch runs as its own service (docker-compose.yml), so the embedded binary is left out.
# Node 26, the active LTS line (package.json's engines: 22 or newer).
FROM node:26-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY index-config ./index-config
COPY samples ./samples
COPY openapi.yaml ./
# DATA_DIR: the write lock that serializes the server and `docker compose exec api npm run index` lives here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/server.ts"]
