# Kubeassay API and worker: one image, two commands (see docker-compose.yml).

# Build: compile TypeScript, then drop the development dependencies.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: `prepare` would build before the sources are here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# Runtime: compiled code (migrations in dist/migrations) and production dependencies, run as `node`.
FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The PDF report's monospace font (Roboto comes with pdfmake in node_modules).
COPY --from=build /app/src/reports/pdf/fonts ./dist/src/reports/pdf/fonts
COPY bin ./bin
# Report templates, read at run time.
COPY reports ./reports
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
