#!/usr/bin/env bash
# Refreshes the OpenAPI descriptions the Java client (api-client) is generated from: runs each
# service's ApiDescriptionIT, which writes what the service serves to
# api-client/src/main/openapi/<service>.json instead of comparing it, then builds the client.
# Commit the changed descriptions with the change of API that caused them.
#
#   scripts/refresh-api-client.sh
#
# Needs what the services' integration tests need (PostgreSQL on 127.0.0.1:5432, role test/test;
# Kafka runs in the test JVM). Never `mvn install`s anything.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp -q -pl registry-service,verification-service,trading-service -am verify \
  -Dtest=none -Dit.test=ApiDescriptionIT \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcarbonsink.api-descriptions.refresh=true
mvn -B -ntp -q -pl api-client -am verify -Dtest='CarbonsinkClientTest' -Dsurefire.failIfNoSpecifiedTests=false
git status --short api-client/src/main/openapi
