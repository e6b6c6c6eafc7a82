# Shared by the walk-through scripts (sourced, not run). Needs bash, curl and jq.
#
#   B          the server, default http://localhost:8080
#   PASSWORD   the demo users' password, default umkm-demo (FS_DEMO_PASSWORD of the server)
#   TIMEOUT    seconds to wait for a read model or a workflow task, default 60
#   STATE      where the walk-throughs pass ids to each other, default ${TMPDIR:-/tmp}/factory-sharing-walkthrough.env

B=${B:-http://localhost:8080}
PASSWORD=${PASSWORD:-umkm-demo}
TIMEOUT=${TIMEOUT:-60}
STATE=${STATE:-${TMPDIR:-/tmp}/factory-sharing-walkthrough.env}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

command -v curl >/dev/null || { echo "needs curl" >&2; exit 1; }
command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }

# Dates in the programme's calendar (Western Indonesia Time): the server checks "today" there.
day() { TZ=Asia/Jakarta date -d "${1:-today}" +%F; }

step() { printf '\n== %s\n' "$*"; }
say() { printf '   %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

# api USER METHOD PATH [JSON]: prints the answer's body; fails unless the status is 2xx.
api() { expect 2xx "$@"; }

# expect STATUS USER METHOD PATH [JSON]: prints the answer's body; fails unless the status matches
# (2xx = any success). Prints "user: METHOD path -> status" on stderr.
expect() {
    local want=$1 user=$2 method=$3 path=$4 body=${5-} out status
    out=$(mktemp)
    local args=(-sS -o "$out" -w '%{http_code}' -u "$user:$PASSWORD" -X "$method")
    if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data "$body"); fi
    status=$(curl "${args[@]}" "$B$path") || { rm -f "$out"; fail "no answer from $B (is the server running?)"; }
    printf '   %s: %s %s -> %s\n' "$user" "$method" "$path" "$status" >&2
    if [[ $status != "$want" && ! ($want == 2xx && $status == 2??) ]]; then
        cat "$out" >&2
        echo >&2
        rm -f "$out"
        fail "$user: $method $path answered $status, expected $want"
    fi
    cat "$out"
    rm -f "$out"
}

# wait_json USER PATH JQ_CONDITION: asks GET PATH once a second until the condition holds; prints the answer.
wait_json() {
    local user=$1 path=$2 condition=$3 deadline=$((SECONDS + TIMEOUT)) body
    while true; do
        body=$(curl -sS -u "$user:$PASSWORD" "$B$path" || true)
        if jq -e "$condition" >/dev/null 2>&1 <<<"$body"; then
            printf '   %s: GET %s (waited for: %s)\n' "$user" "$path" "$condition" >&2
            printf '%s' "$body"
            return 0
        fi
        if ((SECONDS >= deadline)); then
            printf '%s\n' "$body" >&2
            fail "waited ${TIMEOUT}s for GET $path to satisfy $condition"
        fi
        sleep 1
    done
}

# wait_tasks USER BUSINESS_KEY TASK_KEY [COUNT]: waits until the user's open tasks of that kind about that business
# object (GET /api/tasks?businessKey=..&taskKey=.., a page {items: [{id, name, taskKey, businessKey, ...}], page,
# size, totalItems, totalPages}) number COUNT (default 1); prints their ids. A server older than the paged task list
# (v0.8.0, which system-tests/src/test/resources/upgrade/make-fixture.sh runs these scripts against) answers a plain
# array and ignores the filters: both shapes are read (`.items? // .`).
wait_tasks() {
    local user=$1 key=$2 task=$3 count=${4:-1}
    wait_json "$user" "/api/tasks?businessKey=$key&taskKey=$task&size=200" \
        "[(.items? // .)[] | select(.businessKey == \"$key\" and .taskKey == \"$task\")] | length >= $count" |
        jq -r --arg key "$key" --arg task "$task" \
            '(.items? // .)[] | select(.businessKey == $key and .taskKey == $task) | .id'
}

# complete USER TASK_ID VARIABLES_JSON: completes a workflow task with values for its form fields.
complete() {
    api "$1" POST "/api/tasks/$2/complete" "{\"variables\":$3}" >/dev/null
}

# save KEY VALUE: records an id for the next walk-through.
save() {
    touch "$STATE"
    grep -v "^$1=" "$STATE" >"$STATE.tmp" || true
    printf '%s=%q\n' "$1" "$2" >>"$STATE.tmp"
    mv "$STATE.tmp" "$STATE"
}

# load: reads the ids the earlier walk-throughs recorded, if they were recorded for this server.
load() {
    if [ -f "$STATE" ]; then
        # shellcheck disable=SC1090
        . "$STATE"
        if [ "${SERVER:-}" != "$B" ]; then
            unset MEMBER_ID MEMBER_LOGIN FACTORY_ID JOB_ID WAVE_ID ENROLLED_FACTORY_ID
        fi
    fi
}

# A random number of the given length, for NIBs and NIKs that are new on every run.
digits() { local n=$1 s=""; while ((${#s} < n)); do s+=$RANDOM; done; printf '%s' "${s:0:n}"; }
