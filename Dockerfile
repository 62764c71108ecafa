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
COPY --from=build /src/${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
