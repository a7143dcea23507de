# One image per service or the gateway, from the same file:
#   docker build -f deploy/docker/Service.Dockerfile --build-arg PROJECT=services/Identity/Lms.Identity.csproj \
#                --build-arg ASSEMBLY=Lms.Identity -t lms-identity .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /src
COPY . .
RUN dotnet publish "$PROJECT" -c Release -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG ASSEMBLY
ENV ASSEMBLY=${ASSEMBLY} ASPNETCORE_URLS=http://+:8080
WORKDIR /app
COPY --from=build /app .
# ffprobe measures uploaded videos (content service); harmless elsewhere.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
USER app
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec dotnet \"$ASSEMBLY.dll\""]
