#!/usr/bin/env bash
# Walk-through 3: a programme wave with its KPIs, the outcome proposal and the scale-up approvals.
#
# An officer plans a pilot wave and enrols the factory of walk-through 2 (its region, Minahasa, has a COCONUT
# potential; a region without one answers 409 wave.no-potential). The factory is commissioned already, so the wave
# starts at once and its pilot period runs as a timer of the pilot_rollout process. Planners and executives read the
# dashboard and the KPIs.
#
# The pilot period ends on a timer months from now: a script cannot wait for it, so by default the walk-through
# stops there. On a demo database END_PILOT_NOW=yes makes the administrator run that timer now through engine REST
# (ending this wave's pilot early); the walk-through then goes on: the DMN recommendation, an officer's proposal and
# the three approval stages under four-eyes, and the auditor evaluating the recommendation again.
#
#   bash docs/walkthroughs/programme.sh                     (runs factory.sh first when it needs a factory)
#   END_PILOT_NOW=yes bash docs/walkthroughs/programme.sh   (demo database only)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
load
save SERVER "$B"

# a factory belongs to one wave: use the factory of walk-through 2 unless an earlier run enrolled it already
if [ -z "${FACTORY_ID:-}" ] || [ "${FACTORY_ID}" = "${ENROLLED_FACTORY_ID:-}" ] ||
    ! curl -sSf -o /dev/null -u "officer:$PASSWORD" "$B/api/factories/$FACTORY_ID"; then
    step "No factory from walk-through 2 that is not in a wave yet: running it first"
    bash "$HERE/factory.sh"
    load
fi
say "factory $FACTORY_ID"

YEAR=$(TZ=Asia/Jakarta date +%Y)
step "1. An officer plans a pilot wave: target, pilot period and the KPI thresholds that define success"
# thresholds low enough for the one job of walk-through 2 to meet them (utilisation is counted over the whole period)
WAVE_ID=$(api officer POST /api/programme/waves "{\"name\":\"Pilot $YEAR-$(digits 3)\",\"year\":$YEAR,
    \"kind\":\"PILOT\",\"targetFactories\":5,\"pilotMonths\":6,\"thresholds\":{\"minUtilisation\":0.0,
    \"minMembersServed\":1,\"minJobsCompleted\":1,\"minOutputUnits\":100,\"minQualityPassRate\":0.9}}" | jq -r .waveId)
say "wave $WAVE_ID (PLANNED; its pilot_rollout process waits for the first commissioned factory)"

step "2. The officer enrols the factory: the region's potential for its commodity is recorded with it"
api officer POST "/api/programme/waves/$WAVE_ID/factories" "{\"factoryId\":\"$FACTORY_ID\"}" >/dev/null
save ENROLLED_FACTORY_ID "$FACTORY_ID"
save WAVE_ID "$WAVE_ID"
say "enrolling it in a second wave would answer 409 wave.factory-already-enrolled"

step "3. The factory is commissioned already, so the wave is RUNNING: the dashboard (planners, executives, readers)"
wait_json planner /api/programme/waves \
    "[.[] | select(.waveId == \"$WAVE_ID\" and .status == \"RUNNING\")] | length == 1" |
    jq -c ".[] | select(.waveId == \"$WAVE_ID\") | {name, status, targetFactories, enrolledFactories,
        commissionedFactories, startedAt, pilotEndsAt}"

step "4. The wave's KPIs over its pilot period, with the event-store position they include"
wait_json planner "/api/programme/waves/$WAVE_ID/kpis" '.from != null and .kpis.commissionedFactories == 1' |
    jq -c '{from, to, eventPosition, kpis: (.kpis | {utilisation, membersServed, jobsCompleted, outputUnits,
        qualityPassRate})}'
api executive GET "/api/programme/waves/$WAVE_ID" |
    jq -c '{factories: [.factories[] | {name, regionId, commodityCode, potentialScore}]}'

step "5. Nothing to decide yet: the pilot period runs as a timer of pilot_rollout"
api officer GET "/api/programme/waves/$WAVE_ID/tasks" | jq -c '[.[] | .name]'
PILOT_ENDS=$(api officer GET "/api/programme/waves/$WAVE_ID" | jq -r .summary.pilotEndsAt)
say "the pilot period ends at $PILOT_ENDS; then pilot_rollout evaluates the DMN scale_up_eligibility"

if [ "${END_PILOT_NOW:-}" != "yes" ]; then
    step "Stopping here: the next step waits for the pilot period's timer ($PILOT_ENDS)."
    say "Meanwhile officers, supervisors, planners, executives, auditors and admins read the wave:"
    say "  GET /api/programme/waves/$WAVE_ID   (and /kpis, /tasks); auditors its events:"
    say "  GET /api/audit/aggregates/$WAVE_ID/events"
    say "On a demo database, END_PILOT_NOW=yes bash docs/walkthroughs/programme.sh runs the timer now and goes on."
    exit 0
fi

step "6. END_PILOT_NOW=yes: the administrator runs the pilot period's timer now (engine REST; demo only)"
PROCESS=$(api admin GET "/engine-rest/process-instance?processDefinitionKey=pilot_rollout&businessKey=$WAVE_ID" |
    jq -r '.[0].id')
TIMER=$(api admin GET "/engine-rest/job?processInstanceId=$PROCESS&activityId=timer_pilot_period" | jq -r '.[0].id')
[ "$TIMER" != null ] || fail "no pilot period timer in process $PROCESS"
api admin POST "/engine-rest/job/$TIMER/execute" >/dev/null

step "7. The wave was evaluated: the recommendation records the KPIs, thresholds and decision version"
RECOMMENDED=$(wait_json officer "/api/programme/waves/$WAVE_ID" '.recommendations | length >= 1' |
    jq -r '.recommendations[-1] | "\(.recommendation) \(.reason) (DMN \(.decision.decisionKey // "?") v\(.decision.version // "?"))"')
say "recommended: $RECOMMENDED"
OUTCOME=${RECOMMENDED%% *}
TASKS=$(wait_json officer "/api/programme/waves/$WAVE_ID/tasks" '[.[] | select(.taskKey == "user_propose_outcome")] | length == 1')
jq -c '[.[] | {name, taskKey, candidateGroups}]' <<<"$TASKS"

step "8. An officer proposes the recommended outcome (another outcome would need a justification)"
case $OUTCOME in
    SCALE_UP) PROPOSAL='{"outcome":"SCALE_UP","proposedTarget":6}' ;;
    EXTEND_PILOT) PROPOSAL='{"outcome":"EXTEND_PILOT","extensionMonths":3}' ;;
    *) PROPOSAL="{\"outcome\":\"$OUTCOME\"}" ;;
esac
api officer POST "/api/programme/waves/$WAVE_ID/proposal" "$PROPOSAL" >/dev/null
say "proposed: $PROPOSAL"

step "9. Four-eyes: the proposer may not decide a stage (403) ..."
wait_json officer "/api/programme/waves/$WAVE_ID/tasks" \
    '[.[] | select(.taskKey == "user_regional_review")] | length == 1' >/dev/null
expect 403 officer POST "/api/programme/waves/$WAVE_ID/approvals" \
    '{"stage":"REGIONAL_REVIEW","decision":"APPROVE","comment":"my own proposal"}' | jq -c '{status, detail}'

say "... the regional review (another officer), the planning review (planners), the final approval (executives)"
api officer2 POST "/api/programme/waves/$WAVE_ID/approvals" \
    '{"stage":"REGIONAL_REVIEW","decision":"APPROVE","comment":"regional office agrees"}' >/dev/null
wait_json planner "/api/programme/waves/$WAVE_ID/tasks" \
    '[.[] | select(.taskKey == "user_planning_review")] | length == 1' >/dev/null
api planner POST "/api/programme/waves/$WAVE_ID/approvals" '{"stage":"PLANNING_REVIEW","decision":"APPROVE"}' >/dev/null
wait_json executive "/api/programme/waves/$WAVE_ID/tasks" \
    '[.[] | select(.taskKey == "user_final_approval")] | length == 1' >/dev/null
api executive POST "/api/programme/waves/$WAVE_ID/approvals" '{"stage":"FINAL_APPROVAL","decision":"APPROVE"}' >/dev/null

step "10. The wave's approval timeline, and what the final approval did"
WAVE=$(wait_json planner "/api/programme/waves/$WAVE_ID" \
    '.summary.status == "APPROVED" or .summary.status == "EXTENDED" or .summary.status == "STOPPED"')
jq -r '.proposals[-1].timeline[] | "   \(.action) \(.stage // "") by \(.by) \(.comment // "")"' <<<"$WAVE"
jq -c '{status: .summary.status, nextWaveId}' <<<"$WAVE"
if [ "$(jq -r .summary.status <<<"$WAVE")" = APPROVED ]; then
    NEXT=$(jq -r .nextWaveId <<<"$WAVE")
    wait_json planner /api/programme/waves "[.[] | select(.waveId == \"$NEXT\")] | length == 1" |
        jq -c ".[] | select(.waveId == \"$NEXT\") | {name, year, kind, status, targetFactories}"
fi

step "11. The auditor evaluates the recommendation again, from its event, with the version and inputs it recorded"
api auditor GET "/api/audit/waves/$WAVE_ID/recommendations/1/re-evaluation" | jq -c .

step "Done: wave $WAVE_ID."
