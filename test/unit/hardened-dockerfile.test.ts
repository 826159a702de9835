/**
 * Fully hardened Dockerfiles get no warnings and no errors from all rules together. The info and
 * hint findings they still get are listed, so each one is a deliberate choice of the rule set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../server/src/linter';
import { fileAccess } from '../rule-table';

const DOCKERIGNORE = '.git\nnode_modules\n**/__pycache__\n*.pem\n.env\n.env.*\nDockerfile\n';

interface Hardened {
  name: string;
  dockerfile: string;
  /** `rule@line` of every info or hint finding the file is allowed to get. */
  notes: string[];
}

const CASES: Hardened[] = [
  {
    name: 'multi-stage Node.js on a slim image',
    dockerfile: `# syntax=docker/dockerfile:1
ARG NODE_IMAGE=node:22.11.0-bookworm-slim

# deps installs the production dependencies from the lockfile
FROM \${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# build compiles the TypeScript sources
FROM \${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY tsconfig.json ./
COPY src ./src
RUN npm run build

FROM \${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["node", "-e", "fetch('http://localhost:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
`,
    // USER node: a name, which Kubernetes' runAsNonRoot cannot verify (info, by design).
    notes: ['user-non-numeric@25'],
  },
  {
    name: 'Python in a virtual environment',
    dockerfile: `# syntax=docker/dockerfile:1
FROM python:3.12.7-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \\
    PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /src
COPY requirements.txt ./
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
COPY app ./app

FROM python:3.12.7-slim-bookworm
ENV PATH="/opt/venv/bin:$PATH" \\
    PYTHONUNBUFFERED=1
RUN groupadd --system --gid 10001 app \\
 && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=app:app /src/app ./app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/healthz', timeout=3)"]
ENTRYPOINT ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi:application"]
`,
    notes: [],
  },
  {
    name: 'Go on distroless, with a probe of its own',
    dockerfile: `# syntax=docker/dockerfile:1
FROM golang:1.23.3-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/server /server
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 CMD ["/server", "-healthcheck"]
ENTRYPOINT ["/server"]
`,
    notes: [],
  },
  {
    name: 'Go on scratch, with a numeric user',
    dockerfile: `# syntax=docker/dockerfile:1
FROM golang:1.23.3-alpine3.20 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/worker ./cmd/worker

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/worker /worker
USER 65532:65532
EXPOSE 9090
HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["/worker", "probe"]
ENTRYPOINT ["/worker"]
`,
    notes: [],
  },
  {
    name: 'Java: a JRE image running a jar built in a JDK stage',
    dockerfile: `# syntax=docker/dockerfile:1
FROM eclipse-temurin:21.0.5_11-jdk-jammy AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B dependency:go-offline
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B package -DskipTests

FROM eclipse-temurin:21.0.5_11-jre-jammy
RUN groupadd --system --gid 10001 app \\
 && useradd --system --uid 10001 --gid app --no-create-home app
WORKDIR /opt/app
COPY --from=build --chown=app:app /workspace/target/app.jar ./app.jar
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 CMD ["java", "-cp", "app.jar", "com.example.HealthProbe"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
`,
    notes: ['user-non-numeric@15'],
  },
  {
    name: 'Debian service installing packages with apt-get in one layer',
    dockerfile: `# syntax=docker/dockerfile:1
FROM debian:12.8-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN apt-get update \\
 && apt-get install -y --no-install-recommends ca-certificates=20230311 curl=7.88.1-10+deb12u8 \\
 && rm -rf /var/lib/apt/lists/* \\
 && groupadd --system --gid 10001 app \\
 && useradd --system --uid 10001 --gid app --no-create-home app
WORKDIR /opt/service
COPY --chown=10001:10001 --chmod=0755 build/service ./service
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD curl -fsS http://localhost:8080/healthz || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["./service"]
`,
    notes: [],
  },
  {
    name: 'Alpine app installing packages with apk',
    dockerfile: `# syntax=docker/dockerfile:1
FROM alpine:3.20.3
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN apk add --no-cache ca-certificates tini \\
 && addgroup -S -g 10001 app \\
 && adduser -S -D -H -u 10001 -G app app
WORKDIR /srv
COPY --chown=app:app --chmod=0755 bin/service /srv/service
COPY --chown=app:app config.yaml /etc/service/config.yaml
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD wget -q --spider http://localhost:8080/healthz || exit 1
ENTRYPOINT ["/sbin/tini", "--", "/srv/service"]
CMD ["--config", "/etc/service/config.yaml"]
`,
    // Alpine keeps only the newest build of a package: exact pins break rebuilds, so unpinned
    // packages are info; USER app is a name (info).
    notes: ['apk-pin-versions@4', 'apk-pin-versions@4', 'user-non-numeric@10'],
  },
];

describe('hardened Dockerfiles', () => {
  for (const c of CASES) {
    it(`${c.name}: no warnings or errors`, () => {
      const result = lintText(c.dockerfile, 'dockerfile', { path: 'Dockerfile', files: fileAccess({ '.dockerignore': DOCKERIGNORE }) });
      assert.deepEqual(result.failures, []);
      const serious = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(
        serious.map((f) => `${f.range.start.line + 1}: ${f.rule}: ${f.message}`),
        [],
      );
      const notes = result.findings.filter((f) => f.severity === 'info' || f.severity === 'hint').map((f) => `${f.rule}@${f.range.start.line + 1}`);
      assert.deepEqual(notes, c.notes);
    });
  }
});
