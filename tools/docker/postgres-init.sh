#!/bin/sh
# Cầu Nối's two database roles (docs/operations.md, "Database roles"), for docker-compose.yml.
# The postgres image runs this once, when its volume is first initialised, as the superuser POSTGRES_USER:
#   caunoi_owner  owns the database and every table; only the one-shot `migrate` service logs in as it;
#   caunoi_app    the runtime role of `api` and `worker`: no superuser, owns nothing; the migrations grant
#                 it its rows, and on audit_log INSERT and SELECT only.
# An existing volume is not touched: run the statements below once by hand (docker compose exec postgres psql).
set -eu
: "${CAUNOI_OWNER_PASSWORD:?set CAUNOI_OWNER_PASSWORD}"
: "${CAUNOI_APP_PASSWORD:?set CAUNOI_APP_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$CAUNOI_OWNER_PASSWORD" -v app_password="$CAUNOI_APP_PASSWORD" <<'SQL'
CREATE ROLE caunoi_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE caunoi_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
ALTER DATABASE caunoi OWNER TO caunoi_owner;
ALTER SCHEMA public OWNER TO caunoi_owner;
REVOKE ALL ON DATABASE caunoi FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE caunoi TO caunoi_app;
SQL
