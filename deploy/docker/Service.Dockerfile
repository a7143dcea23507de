# syntax=docker/dockerfile:1
# One pattern for every service and the gateway (deploy/services.json lists the arguments of each):
#
#   docker build -f deploy/docker/Service.Dockerfile \
#     --build-arg PROJECT_DIR=services/Identity --build-arg ASSEMBLY=Lms.Identity \
#     --build-arg RUNTIME=plain --build-arg SOURCE=https://github.com/OWNER/REPO --build-arg REVISION=$(git rev-parse HEAD) \
#     -t lms-identity .
#
# WEB=app (the gateway) builds web/ with Node and serves it at /app/ from /app/wwwroot (Web__Root).
# RUNTIME=media adds ffmpeg (content measures videos with ffprobe, live remuxes recordings); every other image
# stays without it. The image runs as a non-root user, listens on 8080, writes nothing outside /tmp (so it runs
# with a read-only root file system), and checks itself on /health/live. Needs BuildKit (Docker 23 or later, or
# DOCKER_BUILDKIT=1) for the NuGet cache mount and COPY --chmod.

ARG DOTNET_VERSION=10.0
ARG RUNTIME=plain
ARG WEB=none

# ---- restore: only the project files, so this layer is reused until a dependency changes
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS restore
ARG PROJECT_DIR
ARG ASSEMBLY
WORKDIR /src
COPY .editorconfig global.json Directory.Build.props Directory.Packages.props ./
COPY contracts/Lms.Contracts/Lms.Contracts.csproj contracts/Lms.Contracts/
COPY services/ServiceDefaults/Lms.ServiceDefaults.csproj services/ServiceDefaults/
COPY ${PROJECT_DIR}/${ASSEMBLY}.csproj ${PROJECT_DIR}/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet restore "${PROJECT_DIR}/${ASSEMBLY}.csproj"

# ---- build: Release, framework-dependent, no apphost (the runtime image has dotnet)
FROM restore AS build
ARG PROJECT_DIR
ARG ASSEMBLY
COPY contracts/ contracts/
COPY services/ServiceDefaults/ services/ServiceDefaults/
COPY ${PROJECT_DIR}/ ${PROJECT_DIR}/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish "${PROJECT_DIR}/${ASSEMBLY}.csproj" -c Release --no-restore -o /app /p:UseAppHost=false

# ---- the web app: built only for the image that serves it (the gateway); every other image copies an empty folder
FROM node:20-bookworm-slim AS web-app
WORKDIR /web
COPY web/package.json web/package-lock.json web/.npmrc ./
RUN --mount=type=cache,id=npm,target=/root/.npm npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM restore AS web-none
RUN mkdir -p /web/dist

FROM web-${WEB} AS web

# ---- runtimes: ASP.NET Core only, or with ffmpeg for the services that run it
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime-plain

FROM runtime-plain AS runtime-media
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*

# ---- final
FROM runtime-${RUNTIME} AS final
ARG ASSEMBLY
ARG SOURCE=unknown
ARG REVISION=unknown
LABEL org.opencontainers.image.title="${ASSEMBLY}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.vendor="LMS"
ENV LMS_ASSEMBLY=${ASSEMBLY} \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /app
COPY --from=build /app .
COPY --from=web /web/dist ./wwwroot
COPY --chmod=0755 deploy/docker/entrypoint.sh /usr/local/bin/lms-entrypoint
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/lms-healthcheck
# The only writable place: a volume (compose mounts a tmpfs, ECS a task volume).
VOLUME ["/tmp"]
# $APP_UID is the non-root "app" user the .NET images define.
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["lms-healthcheck", "/health/live"]
ENTRYPOINT ["lms-entrypoint"]
