# One image per service, built from this repository:
#   docker build --build-arg SERVICE=registry-service -t carbonsink/registry-service .
# docker-compose.yml builds all four this way.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests package -pl auth-server,registry-service,verification-service,trading-service,gateway -am

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 app
# the registry embeds this font in retirement certificates, for their Chinese text (carbonsink.certificate.font)
RUN if [ "$SERVICE" = "registry-service" ]; then apt-get update && apt-get install -y --no-install-recommends \
    fonts-wqy-zenhei && rm -rf /var/lib/apt/lists/*; fi
COPY --from=build /src/${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER app
# ZGC: pauses under a millisecond; G1's young pauses (tens of ms) would stop trades in flight (docs/benchmarks.md)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseZGC", "-jar", "/app/app.jar"]
