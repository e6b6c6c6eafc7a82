#!/usr/bin/env bash
# Makes v0.8.0-embedded-data.tar.xz: the embedded PostgreSQL data directory of the previous release (tag v0.8.0,
# commit 978b37a) after the walk-throughs ran against it. The upgrade tests start this release on a copy of it.
# Run from the repository root; needs git, curl, jq and Java 17. Takes a few minutes.
set -euo pipefail
RELEASE=${RELEASE:-978b37a}
WORK=$(mktemp -d)
PORT=${PORT:-18081}
git worktree add -q "$WORK/release" "$RELEASE"
trap 'pkill -TERM -f "$WORK/release/server/target" || true; git worktree remove --force "$WORK/release"; rm -rf "$WORK"' EXIT
(cd "$WORK/release" && ./mvnw -B -ntp -q -DskipTests package)
java -jar "$WORK/release/server/target/factory-sharing-server.jar" --server.port="$PORT" \
     --fs.embedded-db.data-dir="$WORK/data" > "$WORK/server.log" 2>&1 &
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 2; done
export B="http://localhost:$PORT"
bash docs/walkthroughs/member-onboarding.sh
bash docs/walkthroughs/factory.sh
END_PILOT_NOW=yes bash docs/walkthroughs/programme.sh
bash docs/walkthroughs/regions.sh
pkill -TERM -f "$WORK/release/server/target"   # a clean shutdown stops the embedded PostgreSQL too
while pgrep -f "$WORK/data" >/dev/null; do sleep 1; done
rm -f "$WORK/data/epg-lock"
tar -cJf system-tests/src/test/resources/upgrade/v0.8.0-embedded-data.tar.xz -C "$WORK" data
