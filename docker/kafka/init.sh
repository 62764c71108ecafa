#!/bin/sh
# Run once by docker-compose.yml (service kafka-init) as the broker's administrator: creates the
# topics (the broker creates none by itself) and gives each service only the access it needs.
# Each service is a SASL/PLAIN user of its own (passwords from .env); no ACL, no access.
set -eu
BIN=/opt/kafka/bin
CONFIG=/tmp/admin.properties
cat > "$CONFIG" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${BROKER_ADMIN_PASSWORD}";
PROPS
BROKER=kafka:9092

topic() {
  for name in "$1" "$1-dlt"; do
    $BIN/kafka-topics.sh --bootstrap-server $BROKER --command-config "$CONFIG" --create --if-not-exists \
      --topic "$name" --partitions 3 --replication-factor 1
  done
}

acl() {
  $BIN/kafka-acls.sh --bootstrap-server $BROKER --command-config "$CONFIG" --add --allow-principal "User:$1" "$@" >/dev/null
}

# owner: writes its own topics (the outbox relay)
produces() {
  user=$1; shift
  for t in "$@"; do
    acl "$user" --operation Write --operation Describe --topic "$t"
  done
}

# consumer: reads the topic in its group; sends records it gives up on to <topic>-dlt and reads
# them back for the administrator; a replay copies a dead letter back to the original topic
consumes() {
  user=$1; shift
  for t in "$@"; do
    acl "$user" --operation Read --operation Describe --topic "$t"
    acl "$user" --operation Write --topic "$t"
    acl "$user" --operation Read --operation Write --operation Describe --topic "$t-dlt"
  done
  acl "$user" --operation Read --group "$user-service"
  # the cluster id for the producer's span tags and the health check
  acl "$user" --operation Describe --operation IdempotentWrite --cluster
}

for t in registry.projects.v1 registry.participants.v1 registry.credits.v1 registry.holds.v1 \
         registry.pledges.v1 verification.reports.v1 trading.orders.v1 trading.trades.v1 trading.cash.v1; do
  topic "$t"
done

produces registry registry.projects.v1 registry.participants.v1 registry.credits.v1 registry.holds.v1 registry.pledges.v1
consumes registry verification.reports.v1 trading.orders.v1 trading.trades.v1

produces verification verification.reports.v1
consumes verification registry.projects.v1 registry.participants.v1 registry.credits.v1

produces trading trading.orders.v1 trading.trades.v1
consumes trading registry.participants.v1 registry.holds.v1 registry.credits.v1 trading.cash.v1

echo "topics and ACLs in place"
