# shellcheck shell=bash
# Local infrastructure for ./lms: MariaDB, RabbitMQ, Redis, s3rver and nginx-rtmp,
# each a private instance on a non-default loopback port with its data under
# .local/, so a system-wide instance (if any) is never touched.
# Sourced after scripts/lib.sh; the service table (database names, the live
# service's address for RTMP callbacks) comes from scripts/services.sh, which
# ./lms sources too. Public functions: infra_up (= infra_install,
# infra_start, infra_databases, infra_vhosts), infra_stop, infra_status,
# infra_summary, rabbitmqctl_lms.

# docker-compose: the deploy tests validate docker-compose.yml with it (it needs no Docker engine for that).
INFRA_PACKAGES=(mariadb-server rabbitmq-server redis-server nginx-light
  libnginx-mod-rtmp ffmpeg curl iproute2 docker-compose)
S3RVER_VERSION=3.7.1

MARIADB_PORT=3307
RABBITMQ_PORT=5673
RABBITMQ_DIST_PORT=25673
RABBITMQ_NODE=lms@localhost
REDIS_PORT=6380
S3_PORT=4568
S3_BUCKET=lms-content
RTMP_PORT=1935
HLS_PORT=8088
# nginx-rtmp's control endpoint (dropping a publisher when a session ends): loopback only, never published.
NGINX_CONTROL_PORT=8089
# The live service's internal listener, where nginx's callbacks and playback checks arrive; the gateway never
# proxies it (scripts/services.sh gives the service this address as Live__InternalUrl).
LIVE_INTERNAL_PORT=5116

RABBITMQ_VHOSTS=(lms lms_test lms_bench)
RABBITMQ_USER=lms
RABBITMQ_PASSWORD=lms_pw

MARIADB_DIR="$LMS_LOCAL/mariadb"
MARIADB_CNF="$MARIADB_DIR/my.cnf"
MARIADB_SOCKET="$MARIADB_DIR/run/mariadbd.sock"
RABBITMQ_DIR="$LMS_LOCAL/rabbitmq"
REDIS_DIR="$LMS_LOCAL/redis"
S3_DIR="$LMS_LOCAL/s3"
NGINX_DIR="$LMS_LOCAL/nginx"
HLS_DIR="$LMS_LOCAL/hls"
# nginx-rtmp records each session here; the live service remuxes the file and
# hands it to the content service (Live__Recording__Directory, scripts/services.sh).
RECORDINGS_DIR="$LMS_LOCAL/recordings"
NODE_DIR="$LMS_LOCAL/node"
SECRETS_DIR="$LMS_LOCAL/secrets"
S3RVER_JS="$NODE_DIR/node_modules/s3rver/bin/s3rver.js"

# ---------------------------------------------------------------- secrets

# This installation's own secret NAME (made on first use, 256 random bits, readable by this user only):
# nginx and the live service share live-callback (nginx's callbacks and playback checks, the control
# endpoint) and live-playback (secure_link's playback tokens). LMS_LIVE_CALLBACK_SECRET and
# LMS_LIVE_PLAYBACK_SECRET override them. Never printed and never in the repository.
lms_secret() {
  local file="$SECRETS_DIR/$1"
  if [[ ! -s $file ]]; then
    mkdir -p "$SECRETS_DIR"
    chmod 700 "$SECRETS_DIR"
    (umask 077 && head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$file")
  fi
  cat "$file"
}
live_callback_secret() { printf '%s' "${LMS_LIVE_CALLBACK_SECRET:-$(lms_secret live-callback)}"; }
live_playback_secret() { printf '%s' "${LMS_LIVE_PLAYBACK_SECRET:-$(lms_secret live-playback)}"; }

# ---------------------------------------------------------------- install

infra_missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      printf '%s\n' "$pkg"
  done
}

# Debian's postinst scripts start each server on its default port. We run our
# own instances, so a policy-rc.d that denies service starts is put in place for
# the duration of the install (unless the machine already has one).
infra_apt_install() {
  local log="$LMS_LOGS/apt.log" policy=/usr/sbin/policy-rc.d own_policy=
  ((EUID == 0)) || die "installing $* needs root (apt-get); run ./lms as root or install them first"
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# temporary, written by ./lms during apt-get install\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    own_policy=1
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT  # also if interrupted
  fi
  local rc=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=120 "$@"
  } >"$log" 2>&1 || rc=$?
  if [[ -n $own_policy ]]; then
    rm -f "$policy"
    trap - EXIT
  fi
  if ((rc != 0)); then
    tail -n 30 "$log" >&2
    die "apt-get failed (exit $rc); full log in $log"
  fi
}

infra_install_s3rver() {
  if grep -q "\"version\": \"$S3RVER_VERSION\"" "$NODE_DIR/node_modules/s3rver/package.json" 2>/dev/null; then
    return 0
  fi
  command -v npm >/dev/null || die "npm not found (needed to install s3rver)"
  say "installing s3rver@$S3RVER_VERSION into .local/node"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error \
    "s3rver@$S3RVER_VERSION" >"$LMS_LOGS/npm.log" 2>&1 ||
    { tail -n 30 "$LMS_LOGS/npm.log" >&2; die "npm install s3rver failed; log in $LMS_LOGS/npm.log"; }
}

infra_install() {
  local missing=()
  mapfile -t missing < <(infra_missing_packages "${INFRA_PACKAGES[@]}")
  command -v npm >/dev/null || missing+=(nodejs npm)
  if ((${#missing[@]})); then
    say "installing packages: ${missing[*]} (log: .local/logs/apt.log)"
    infra_apt_install "${missing[@]}"
  fi
  infra_install_s3rver
}

# ---------------------------------------------------------------- generic part handling
# Each part NAME provides: NAME_mark (text found in its command line, working
# folder or environment, to tell our process from a stranger), NAME_ports,
# NAME_address, NAME_alive (answers on its port), NAME_launch (spawns it,
# writing .local/run/NAME.pid) and optionally NAME_started.

INFRA_PARTS=(mariadb rabbitmq redis s3 nginx)

# Start part NAME unless it already runs; wait up to TIMEOUT seconds for it.
infra_start_part() {
  local name=$1 timeout=${2:-60} mark port
  mark=$("${name}_mark")
  if ! running "$name" "$mark"; then
    for port in $("${name}_ports"); do claim_port "$name" "$port" "$mark"; done
  fi
  if running "$name" "$mark"; then
    infra_await_part "$name" "$timeout"
    info "$name: already running (pid $(pid_of "$name")) on $("${name}_address")"
    return 0
  fi
  "${name}_launch"
  infra_await_part "$name" "$timeout"
  # Optional hook, e.g. to record the real server pid instead of a launcher's.
  if declare -F "${name}_started" >/dev/null; then "${name}_started"; fi
  say "$name: started on $("${name}_address") (pid $(pid_of "$name"))"
}

# Wait until part NAME answers; fail early if its process dies.
infra_await_part() {
  local name=$1 timeout=$2 mark start=$SECONDS
  mark=$("${name}_mark")
  until "${name}_alive"; do
    if ! running "$name" "$mark"; then
      infra_log_tail "$name"
      die "$name exited during start-up; log: $(infra_log_of "$name")"
    fi
    if ((SECONDS - start >= timeout)); then
      infra_log_tail "$name"
      die "$name did not answer on $("${name}_address") within ${timeout}s; log: $(infra_log_of "$name")"
    fi
    sleep 1
  done
}

infra_log_of() { printf '%s\n' "$LMS_LOGS/$1.log"; }

infra_log_tail() {
  local log
  log=$(infra_log_of "$1")
  [[ -r $log ]] || return 0
  printf -- '--- last 30 lines of %s ---\n' "$log" >&2
  tail -n 30 "$log" >&2
}

# ---------------------------------------------------------------- MariaDB

mariadb_mark() { printf '%s\n' "$MARIADB_CNF"; }
mariadb_ports() { printf '%s\n' "$MARIADB_PORT"; }
mariadb_address() { printf '%s\n' "$LMS_HOST:$MARIADB_PORT"; }
mariadb_alive() {
  mariadb-admin --defaults-file="$MARIADB_CNF" --connect-timeout=2 ping >/dev/null 2>&1
}

# Our own option file, so nothing in /etc/mysql (datadir, port, socket of the
# system instance) leaks into the private instance.
mariadb_write_cnf() {
  cat >"$MARIADB_CNF" <<CNF
# Generated by scripts/infra.sh; edits are overwritten on every start.
[client]
socket = $MARIADB_SOCKET
default-character-set = utf8mb4

[mysqld]
user = mysql
datadir = $MARIADB_DIR/data
socket = $MARIADB_SOCKET
pid-file = $MARIADB_DIR/run/mariadbd.pid
port = $MARIADB_PORT
bind-address = $LMS_HOST
log-error = $LMS_LOGS/mariadb.log
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
# Users are declared for 127.0.0.1 and localhost; no DNS look-ups needed.
skip-name-resolve
# Seven services with connection pools plus the test suites.
max_connections = 500
innodb_buffer_pool_size = 256M
CNF
}

mariadb_launch() {
  # The server runs as mysql: it must own its data, socket/pid folder and log.
  mkdir -p "$MARIADB_DIR/data" "$MARIADB_DIR/run"
  touch "$LMS_LOGS/mariadb.log"
  chown mysql:mysql "$MARIADB_DIR/data" "$MARIADB_DIR/run" "$LMS_LOGS/mariadb.log"
  mariadb_write_cnf
  if [[ ! -d $MARIADB_DIR/data/mysql ]]; then
    say "mariadb: initialising $MARIADB_DIR/data"
    mariadb-install-db --defaults-file="$MARIADB_CNF" --user=mysql \
      --datadir="$MARIADB_DIR/data" --skip-test-db >>"$LMS_LOGS/mariadb-install.log" 2>&1 ||
      { tail -n 30 "$LMS_LOGS/mariadb-install.log" >&2; die "mariadb-install-db failed; log: $LMS_LOGS/mariadb-install.log"; }
  fi
  chown -R mysql:mysql "$MARIADB_DIR/data"
  spawn "$LMS_RUN/mariadb.pid" "$LMS_LOGS/mariadb.log" "$MARIADB_DIR" \
    mariadbd --defaults-file="$MARIADB_CNF"
}

# Root connects through the socket (unix_socket authentication).
mariadb_sql() {
  mariadb --defaults-file="$MARIADB_CNF" --batch
}

# ---------------------------------------------------------------- RabbitMQ

# Environment read by both the server and rabbitmqctl. Debian's wrappers switch
# to the rabbitmq user with su, which keeps these variables.
RABBITMQ_ENV=(
  "RABBITMQ_NODENAME=$RABBITMQ_NODE"
  "RABBITMQ_USE_LONGNAME=false"
  "RABBITMQ_NODE_IP_ADDRESS=$LMS_HOST"
  "RABBITMQ_NODE_PORT=$RABBITMQ_PORT"
  "RABBITMQ_DIST_PORT=$RABBITMQ_DIST_PORT"
  "ERL_EPMD_ADDRESS=$LMS_HOST"
  "RABBITMQ_MNESIA_BASE=$RABBITMQ_DIR/mnesia"
  "RABBITMQ_LOG_BASE=$RABBITMQ_DIR/log"
  "RABBITMQ_LOGS=-"
  "RABBITMQ_ENABLED_PLUGINS_FILE=$RABBITMQ_DIR/enabled_plugins"
  "RABBITMQ_CONFIG_FILE=$RABBITMQ_DIR/rabbitmq.conf"
  "RABBITMQ_PID_FILE=$RABBITMQ_DIR/beam.pid"
  # Erlang distribution (the node's and rabbitmqctl's) on loopback only.
  "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
  "RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
)

rabbitmq_mark() { printf '%s\n' "$RABBITMQ_DIR"; }
rabbitmq_ports() { printf '%s\n' "$RABBITMQ_PORT" "$RABBITMQ_DIST_PORT"; }
rabbitmq_address() { printf '%s\n' "amqp://$LMS_HOST:$RABBITMQ_PORT (node $RABBITMQ_NODE)"; }
rabbitmq_alive() { port_open "$RABBITMQ_PORT"; }

rabbitmqctl_lms() {
  env "${RABBITMQ_ENV[@]}" rabbitmqctl -n "$RABBITMQ_NODE" "$@"
}

rabbitmq_launch() {
  mkdir -p "$RABBITMQ_DIR/mnesia" "$RABBITMQ_DIR/log"
  # No plugins: the management UI is not needed and would cost start-up time.
  printf '[].\n' >"$RABBITMQ_DIR/enabled_plugins"
  cat >"$RABBITMQ_DIR/rabbitmq.conf" <<CONF
# Generated by scripts/infra.sh; edits are overwritten on every start.
listeners.tcp.1 = $LMS_HOST:$RABBITMQ_PORT
log.console = true
log.console.level = info
log.file = false
# A dev box may have little free disk; do not block publishers at 50 MB.
disk_free_limit.absolute = 20MB
CONF
  rm -f "$RABBITMQ_DIR/beam.pid"
  chown -R rabbitmq:rabbitmq "$RABBITMQ_DIR"
  # erl starts epmd on demand; note whether that one will be ours to stop.
  if port_open 4369; then rm -f "$RABBITMQ_DIR/.epmd-ours"; else touch "$RABBITMQ_DIR/.epmd-ours"; fi
  # Recorded first: the pid of Debian's wrapper (it su's to rabbitmq and
  # carries our variables, hence the mark); rabbitmq_started replaces it with
  # the beam pid once the node is up.
  spawn "$LMS_RUN/rabbitmq.pid" "$LMS_LOGS/rabbitmq.log" "$RABBITMQ_DIR" \
    env "${RABBITMQ_ENV[@]}" rabbitmq-server
}

# After start: record the beam pid (not the launcher) and an epmd we started.
rabbitmq_started() {
  local beam='' epmd
  # RabbitMQ writes the pid without a newline.
  [[ -r $RABBITMQ_DIR/beam.pid ]] && beam=$(tr -dc '0-9' <"$RABBITMQ_DIR/beam.pid")
  if [[ -n $beam ]] && pid_matches "$beam" "$RABBITMQ_DIR"; then
    echo "$beam" >"$LMS_RUN/rabbitmq.pid"
  fi
  if [[ -e $RABBITMQ_DIR/.epmd-ours ]]; then
    rm -f "$RABBITMQ_DIR/.epmd-ours"
    epmd=$(port_owner 4369)
    [[ -n $epmd ]] && echo "$epmd" >"$LMS_RUN/epmd.pid"
  fi
  return 0
}

rabbitmq_start() {
  # scripts/broker.sh stop leaves the node up with the AMQP app stopped.
  if running rabbitmq "$(rabbitmq_mark)" && ! rabbitmq_alive; then
    say "rabbitmq: node is up but the AMQP app is stopped; starting it"
    rabbitmqctl_lms -q start_app >/dev/null || die "rabbitmq: start_app failed"
  fi
  infra_start_part rabbitmq 120
  # The port answers a moment before the broker has finished booting.
  rabbitmqctl_lms -q await_startup --timeout 60 >/dev/null ||
    die "rabbitmq: 'rabbitmqctl -n $RABBITMQ_NODE await_startup' failed"
}

# ---------------------------------------------------------------- Redis

redis_mark() { printf '%s\n' "$REDIS_DIR"; }  # redis rewrites its title; its cwd is REDIS_DIR
redis_ports() { printf '%s\n' "$REDIS_PORT"; }
redis_address() { printf '%s\n' "$LMS_HOST:$REDIS_PORT"; }
redis_alive() {
  [[ $(redis-cli -h "$LMS_HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]
}

redis_launch() {
  mkdir -p "$REDIS_DIR"
  # Foreground under spawn (rather than --daemonize) so the pid and log are
  # handled like every other part; default snapshotting into REDIS_DIR.
  spawn "$LMS_RUN/redis.pid" "$LMS_LOGS/redis.log" "$REDIS_DIR" \
    redis-server --bind "$LMS_HOST" --port "$REDIS_PORT" --dir "$REDIS_DIR" \
    --daemonize no --logfile "" --protected-mode yes
}

# ---------------------------------------------------------------- s3rver

s3_mark() { printf '%s\n' "$S3_DIR"; }
s3_ports() { printf '%s\n' "$S3_PORT"; }
s3_address() { printf '%s\n' "http://$LMS_HOST:$S3_PORT (bucket $S3_BUCKET)"; }
s3_alive() {
  [[ $(http_code "http://$LMS_HOST:$S3_PORT/$S3_BUCKET") == 200 ]]
}

s3_launch() {
  mkdir -p "$S3_DIR"
  # --configure-bucket creates the bucket if missing and (re)applies CORS.
  spawn "$LMS_RUN/s3.pid" "$LMS_LOGS/s3.log" "$S3_DIR" \
    node "$S3RVER_JS" --address "$LMS_HOST" --port "$S3_PORT" --directory "$S3_DIR" \
    --configure-bucket "$S3_BUCKET" "$LMS_REPO/scripts/s3-cors.xml"
}

# ---------------------------------------------------------------- nginx + RTMP

nginx_mark() { printf '%s\n' "$NGINX_DIR"; }
nginx_ports() { printf '%s\n' "$RTMP_PORT" "$HLS_PORT" "$NGINX_CONTROL_PORT"; }
nginx_address() { printf '%s\n' "rtmp://$LMS_HOST:$RTMP_PORT/live, http://$LMS_HOST:$HLS_PORT/hls/"; }
nginx_alive() {
  port_open "$RTMP_PORT" && [[ $(http_code "http://$LMS_HOST:$HLS_PORT/health") == 200 ]]
}

# Needs scripts/services.sh (the live service's address) as ./lms has it.
nginx_write_conf() {
  local callback playback live_internal signed
  callback=$(live_callback_secret)
  playback=$(live_playback_secret)
  live_internal="http://$LMS_HOST:$LIVE_INTERNAL_PORT"
  # What every signed HLS file shares: CORS preflight, then the signature (403)
  # and the expiry (410).
  signed=$(cat <<SIGNED
      if (\$request_method = OPTIONS) {
        add_header Access-Control-Allow-Origin * always;
        add_header Access-Control-Allow-Methods "GET, HEAD, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Range, Origin, Accept" always;
        return 204;
      }
      secure_link \$hls_token,\$hls_expires;
      secure_link_md5 "\$secure_link_expires:\$hls_stream:\$hls_viewer:$playback";
      if (\$secure_link = "") {
        return 403;
      }
      if (\$secure_link = "0") {
        return 410;
      }
SIGNED
)
  # umask covers a new file only; chmod an existing one too.
  touch "$NGINX_DIR/nginx.conf" && chmod 600 "$NGINX_DIR/nginx.conf"
  cat >"$NGINX_DIR/nginx.conf" <<CONF
# Generated by scripts/infra.sh; edits are overwritten on every start. It holds
# this installation's secrets (.local/secrets), so only its owner reads it.
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;

# Workers write HLS files into the root-owned .local/hls.
user root;
# nginx-rtmp keeps live streams per worker; one worker keeps publishers and
# the HLS writer together.
worker_processes 1;
daemon off;
pid "$LMS_RUN/nginx-master.pid";
# notice, not info: at info nginx-rtmp logs every stream name (a publisher's
# is its secret key) and every callback URL (which carries the shared secret).
error_log "$LMS_LOGS/nginx-error.log" notice;

events {
  worker_connections 256;
}

rtmp {
  # The RTMP access log would name every stream, keys included.
  access_log off;

  server {
    listen $LMS_HOST:$RTMP_PORT;
    chunk_size 4096;

    # Encoders publish here with the session's stream key. on_publish asks the
    # live service (2xx accepts, 4xx rejects, 3xx with Location renames the
    # stream to the session's public name). The rename reaches the modules that
    # run after the callback (relay, record) but not hls, which has already
    # named its files after the key by then; so this application only pushes,
    # under the public name, to "hls" below, and no file or playlist carries
    # the key. Nothing plays from here: viewers get signed HLS only. The secret
    # proves the call comes from this nginx; the callbacks reach the live
    # service's internal listener, which the gateway never proxies.
    application live {
      live on;
      record off;
      deny play all;
      on_publish $live_internal/live/v1/streams/on-publish?secret=$callback;
      push rtmp://$LMS_HOST:$RTMP_PORT/hls pageUrl=$callback;
    }

    # Fed only by the push above (loopback), under the public name; its
    # publish_done names the session, which then ends. It also records the
    # stream (FLV, one file per publish, named after the public name and a
    # timestamp); record_done hands the finished file to the live service,
    # which remuxes it to MP4 for the content service. Short fragments and a
    # short list keep players close to the live edge.
    # Its on_publish admits only the push above: the push names the shared
    # secret as its page URL (nginx forwards it in the callback's body, never
    # logged at notice), and the stream must be a LIVE session's.
    application hls {
      live on;
      allow publish $LMS_HOST;
      deny publish all;
      deny play all;
      on_publish $live_internal/live/v1/streams/on-relay?secret=$callback;
      hls on;
      hls_path "$HLS_DIR";
      hls_fragment 1s;
      hls_playlist_length 6s;
      record all;
      record_path "$RECORDINGS_DIR";
      record_unique on;
      record_suffix .flv;
      on_publish_done $live_internal/live/v1/streams/on-publish-done?secret=$callback;
      on_record_done $live_internal/live/v1/streams/on-record-done?secret=$callback;
    }
  }
}

http {
  access_log "$LMS_LOGS/nginx-access.log";
  client_body_temp_path "$NGINX_DIR/temp/client_body";
  proxy_temp_path "$NGINX_DIR/temp/proxy";
  fastcgi_temp_path "$NGINX_DIR/temp/fastcgi";
  uwsgi_temp_path "$NGINX_DIR/temp/uwsgi";
  scgi_temp_path "$NGINX_DIR/temp/scgi";
  sendfile on;

  server {
    listen $LMS_HOST:$HLS_PORT;

    location = /health {
      default_type text/plain;
      return 200 "ok\n";
    }

    # Private playback: /hls/{token}/{expires}/{viewer}/{stream}.m3u8 (and its
    # segments, which players resolve against the playlist's URL, so they carry
    # the same token). The live service signs
    # token = base64url(md5("expires:stream:viewer:secret")) for one viewer; a
    # shared link names its owner and stops when it expires. Before each
    # playlist the live service is asked whether that viewer may still watch
    # (access lost or session ended: 403).
    location ~ "^/hls/(?<hls_token>[A-Za-z0-9_-]{22})/(?<hls_expires>[0-9]{1,12})/(?<hls_viewer>[0-9a-f]{32})/(?<hls_stream>[0-9a-f]{32})\.m3u8\$" {
$signed
      auth_request /_playback_check;
      alias "$HLS_DIR/\$hls_stream.m3u8";
      types { }
      default_type application/vnd.apple.mpegurl;
      add_header Cache-Control no-cache always;
      add_header Access-Control-Allow-Origin * always;
      add_header Access-Control-Expose-Headers "Content-Length" always;
    }

    location ~ "^/hls/(?<hls_token>[A-Za-z0-9_-]{22})/(?<hls_expires>[0-9]{1,12})/(?<hls_viewer>[0-9a-f]{32})/(?<hls_stream>[0-9a-f]{32})(?<hls_part>-[0-9]+)\.ts\$" {
$signed
      alias "$HLS_DIR/\$hls_stream\$hls_part.ts";
      types { }
      default_type video/mp2t;
      add_header Cache-Control "private, max-age=60" always;
      add_header Access-Control-Allow-Origin * always;
      add_header Access-Control-Expose-Headers "Content-Length, Content-Range" always;
    }

    # The playback check: the secret travels in a header, which nginx does not log.
    location = /_playback_check {
      internal;
      proxy_pass $live_internal/live/v1/streams/playback;
      proxy_method GET;
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Hls-Stream \$hls_stream;
      proxy_set_header X-Hls-Viewer \$hls_viewer;
      proxy_set_header X-Lms-Stream-Secret "$callback";
    }

    # Anything else under /hls (unsigned, or naming a file directly) is refused.
    location /hls/ {
      return 403;
    }
  }

  # nginx-rtmp's control endpoint, for the live service to drop a publisher
  # when a session ends. Loopback only, and the shared secret in a header.
  server {
    listen $LMS_HOST:$NGINX_CONTROL_PORT;
    access_log off;

    location /control/ {
      if (\$http_x_lms_control_secret != "$callback") {
        return 403;
      }
      rtmp_control all;
    }

    location / {
      return 404;
    }
  }
}
CONF
}

nginx_launch() {
  mkdir -p "$NGINX_DIR/temp" "$NGINX_DIR/logs" "$HLS_DIR" "$RECORDINGS_DIR"
  nginx_write_conf
  # -e: errors raised before the config is read also go to .local/logs.
  nginx -t -q -p "$NGINX_DIR/" -e "$LMS_LOGS/nginx-error.log" -c "$NGINX_DIR/nginx.conf" \
    >>"$LMS_LOGS/nginx.log" 2>&1 ||
    { tail -n 20 "$LMS_LOGS/nginx.log" >&2; die "nginx: configuration test failed ($NGINX_DIR/nginx.conf)"; }
  spawn "$LMS_RUN/nginx.pid" "$LMS_LOGS/nginx.log" "$NGINX_DIR" \
    nginx -p "$NGINX_DIR/" -e "$LMS_LOGS/nginx-error.log" -c "$NGINX_DIR/nginx.conf"
}

# ---------------------------------------------------------------- public

# MariaDB and RabbitMQ drop root for their own users, which must be able to
# reach .local/ (a clone under a private folder such as /root would not do).
# MariaDB and RabbitMQ run as their own users, which must be able to pass
# through every folder above .local/. A clone under a private folder (/root is
# 700) would stop them, so such folders get o+x: passage only, no listing.
infra_check_access() {
  local user dir
  for user in mysql rabbitmq; do
    runuser -u "$user" -- test -x "$LMS_LOCAL" 2>/dev/null && continue
    dir=$LMS_LOCAL
    while [[ $dir != / ]]; do
      dir=$(dirname "$dir")
      if ! runuser -u "$user" -- test -x "$dir" 2>/dev/null; then
        info "letting the database and broker users pass through $dir (chmod o+x)"
        chmod o+x "$dir"
      fi
    done
    runuser -u "$user" -- test -x "$LMS_LOCAL" 2>/dev/null ||
      die "user '$user' cannot reach $LMS_LOCAL even after chmod o+x on its parents"
  done
}

# Fail before starting anything if a port we need belongs to a stranger.
infra_check_ports() {
  local name mark port
  for name in "${INFRA_PARTS[@]}"; do
    mark=$("${name}_mark")
    running "$name" "$mark" && continue
    for port in $("${name}_ports"); do claim_port "$name" "$port" "$mark"; done
  done
}

infra_start() {
  say "starting infrastructure"
  mkdir -p "$LMS_LOCAL/mariadb" "$RABBITMQ_DIR" "$REDIS_DIR" "$S3_DIR" "$NGINX_DIR" "$HLS_DIR" "$RECORDINGS_DIR"
  infra_check_access
  infra_check_ports
  infra_start_part mariadb 60
  rabbitmq_start
  infra_start_part redis 30
  infra_start_part s3 30
  infra_start_part nginx 30
}

# "platform" owns lms_platform_test (the shared service defaults' own tests) and
# lms_bench (the load harness's outbox scenario, ./lms bench).
infra_databases_of() {
  if [[ $1 == platform ]]; then echo lms_platform_test lms_bench; else echo "lms_$1 lms_$1_test"; fi
}

# Databases lms_<svc> and lms_<svc>_test (the test suites' own), and user
# lms_<svc> with rights on exactly those two. In GRANT, "_" is a wildcard, so
# it is escaped.
# shellcheck disable=SC2016  # the backticks are SQL identifier quotes
infra_databases_sql() {
  local svc db user pw host
  for svc in $(svc_db_names) platform; do
    user="lms_$svc" pw="lms_${svc}_pw"
    for db in $(infra_databases_of "$svc"); do
      printf 'CREATE DATABASE IF NOT EXISTS `%s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n' "$db"
      printf 'ALTER DATABASE `%s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n' "$db"
    done
    for host in 127.0.0.1 localhost; do
      printf "CREATE USER IF NOT EXISTS '%s'@'%s' IDENTIFIED BY '%s';\n" "$user" "$host" "$pw"
      printf "ALTER USER '%s'@'%s' IDENTIFIED BY '%s';\n" "$user" "$host" "$pw"
      for db in $(infra_databases_of "$svc"); do
        printf "GRANT ALL PRIVILEGES ON \`%s\`.* TO '%s'@'%s';\n" "${db//_/\\_}" "$user" "$host"
      done
    done
  done
}

infra_databases() {
  say "mariadb: databases and users for $(svc_db_names | tr '\n' ' ')"
  infra_databases_sql | mariadb_sql || die "mariadb: creating databases/users failed"
}

infra_vhosts() {
  local vhosts users perms vhost
  vhosts=$(rabbitmqctl_lms -s list_vhosts name) || die "rabbitmq: list_vhosts failed"
  users=$(rabbitmqctl_lms -s list_users) || die "rabbitmq: list_users failed"
  if ! grep -q "^${RABBITMQ_USER}[[:space:]]" <<<"$users"; then
    rabbitmqctl_lms -q add_user "$RABBITMQ_USER" "$RABBITMQ_PASSWORD" >/dev/null ||
      die "rabbitmq: add_user $RABBITMQ_USER failed"
  fi
  perms=$(rabbitmqctl_lms -s list_user_permissions "$RABBITMQ_USER") || perms=
  for vhost in "${RABBITMQ_VHOSTS[@]}"; do
    if ! grep -qx "$vhost" <<<"$vhosts"; then
      rabbitmqctl_lms -q add_vhost "$vhost" >/dev/null || die "rabbitmq: add_vhost $vhost failed"
    fi
    if ! grep -q "^${vhost}[[:space:]]" <<<"$perms"; then
      rabbitmqctl_lms -q set_permissions -p "$vhost" "$RABBITMQ_USER" '.*' '.*' '.*' >/dev/null ||
        die "rabbitmq: set_permissions on $vhost failed"
    fi
  done
  say "rabbitmq: vhosts ${RABBITMQ_VHOSTS[*]}, user $RABBITMQ_USER"
}

# Stop in reverse start order; data stays. epmd is stopped only if we started
# it and no other Erlang node (say, a system RabbitMQ) still registers with it.
infra_stop() {
  stop_pid nginx "$(nginx_mark)" QUIT 20
  stop_pid s3 "$(s3_mark)" TERM 10
  stop_pid redis "$(redis_mark)" TERM 20
  stop_pid rabbitmq "$(rabbitmq_mark)" TERM 60
  if [[ -n $(pid_of epmd) ]]; then
    if ! epmd -names 2>/dev/null | grep -q '^name '; then
      stop_pid epmd epmd TERM 5
    else
      rm -f "$LMS_RUN/epmd.pid"
    fi
  fi
  stop_pid mariadb "$(mariadb_mark)" TERM 60
}

# One line per part: state, pid, address.
infra_status() {
  local name mark pid state
  for name in "${INFRA_PARTS[@]}"; do
    mark=$("${name}_mark")
    pid=$(pid_of "$name")
    if running "$name" "$mark"; then
      if "${name}_alive"; then
        state=running
      elif [[ $name == rabbitmq ]]; then
        state="running (AMQP app stopped)"
      else
        state="running (not answering)"
      fi
    else
      state=stopped pid=''
    fi
    printf '  %-12s %-28s %-12s %s\n' "$name" "$state" "${pid:+pid $pid}" "$("${name}_address")"
  done
}

infra_summary() {
  printf '  %-12s %s\n' mariadb "$(mariadb_address) (root: socket $MARIADB_SOCKET)" \
    rabbitmq "$(rabbitmq_address), vhosts ${RABBITMQ_VHOSTS[*]}, user $RABBITMQ_USER/$RABBITMQ_PASSWORD" \
    redis "$(redis_address)" \
    s3 "$(s3_address)" \
    nginx "$(nginx_address)"
}

# install + start + databases + vhosts: what both up and test need.
infra_up() {
  infra_install
  infra_start
  infra_databases
  infra_vhosts
}
