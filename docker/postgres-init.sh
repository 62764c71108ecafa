#!/bin/sh
# One database and one owner role per service: no service reads another's tables. The passwords
# come from the environment (.env, see .env.example), never from this file.
set -eu
for service in registry verification trading; do
  case $service in
    registry) password=$REGISTRY_DB_PASSWORD ;;
    verification) password=$VERIFICATION_DB_PASSWORD ;;
    trading) password=$TRADING_DB_PASSWORD ;;
  esac
  psql -v ON_ERROR_STOP=1 --username postgres -v pw="$password" <<SQL
create role $service login password :'pw';
create database $service owner $service;
SQL
done
