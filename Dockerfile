# Cầu Nối images, one multi-stage build:
#   target `api` (default): dist/apps/api + production node_modules; runs main.js, worker.js or cli.js
#   target `web`: nginx serving dist/apps/web/browser and proxying /api to the api service
# docker-compose.yml builds both. Build alone: docker build -t caunoi/api . ; docker build --target web -t caunoi/web .

# ── build: install everything, build api and web ─────────────────────────────────────────────────
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false
COPY package.json package-lock.json ./
# npm install follows the lock; see docs/decisions/0009-npm-install-not-ci.md
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build compress -p api,web --output-style=static \
 && npm prune --omit=dev --no-audit --no-fund

# ── web: static files + reverse proxy ────────────────────────────────────────────────────────────
FROM nginx:1.27-alpine AS web
COPY tools/docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/apps/web/browser /usr/share/nginx/html
EXPOSE 80

# ── api: main.js (HTTP; also serves the web app on the same port), worker.js, cli.js ─────────────
FROM node:20-bookworm-slim AS api
ENV NODE_ENV=production \
    PORT=3000 \
    WEB_DIST_DIR=dist/apps/web/browser
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
