#!/usr/bin/env bash
# Walk-through 2: a shared factory from its proposal to a completed production job.
#
# An officer proposes a coconut factory in Minahasa (Sulawesi Utara, where the sample regions record a COCONUT
# potential) with two presses and makes the demo user "staff" its staff; factory_commissioning gives the staff one
# "Install machine" task per press, then an officer inspects and another officer signs off (four-eyes). The member
# of walk-through 1 books 12 machine-hours; production_job reserves the time on the factory's ledger; the staff
# start the job, record the output and pass the quality inspection.
#
#   bash docs/walkthroughs/factory.sh        (runs member-onboarding.sh first when there is no member yet)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
load
save SERVER "$B"

if [ -z "${MEMBER_ID:-}" ] || [ -z "${MEMBER_LOGIN:-}" ] ||
    ! curl -sSf -o /dev/null -u "officer:$PASSWORD" "$B/api/members/$MEMBER_ID"; then
    step "No member from walk-through 1 on this server: running it first"
    bash "$HERE/member-onboarding.sh"
    load
fi
say "member $MEMBER_ID, login $MEMBER_LOGIN"

step "1. Where does a coconut factory fit? Regions ranked by their potential for COCONUT"
api officer GET "/api/regions?commodity=COCONUT&size=3" | jq -r '.items[] | "   \(.regionId)  \(.score)"'

step "2. An officer proposes the factory with two planned presses (201; commissioning starts)"
FACTORY_ID=$(api officer POST /api/factories "{
    \"name\":\"Rumah Produksi Kelapa Minahasa $(digits 4)\",\"province\":\"Sulawesi Utara\",\"regency\":\"Minahasa\",
    \"commodity\":\"Coconut\",\"operator\":\"Koperasi Nyiur Melambai\",\"installationDueOn\":\"$(day '+30 days')\",
    \"plannedMachines\":[{\"machineId\":\"PRESS-1\",\"machineType\":\"COCONUT_OIL_PRESS\",\"capacityHoursPerDay\":8},
                         {\"machineId\":\"PRESS-2\",\"machineType\":\"COCONUT_OIL_PRESS\",\"capacityHoursPerDay\":8}]}" |
    jq -r .factoryId)
say "factory $FACTORY_ID (commodity code COCONUT), staff group factory-$FACTORY_ID-staff"

step "3. The officer makes \"staff\" the factory's staff (an event, FactoryStaffAssigned; the group follows at once)"
api officer PUT "/api/factories/$FACTORY_ID/staff/staff" '{"reason":"operator of the presses"}' >/dev/null
api officer GET "/api/factories/$FACTORY_ID/staff" | jq -c '[.[] | .userId]'

step "4. The staff install both presses (one \"Install machine\" task per planned machine)"
for TASK in $(wait_tasks staff "$FACTORY_ID" user_install_machine 2); do
    complete staff "$TASK" '{}'
done

step "5. An officer inspects the factory: \"Safety and quality inspection\", passed"
TASK=$(wait_tasks officer "$FACTORY_ID" user_inspect_factory)
complete officer "$TASK" '{"passed":true}'

step "6. Four-eyes: the inspector may not sign off (403, the task stays open) ..."
TASK=$(wait_tasks officer2 "$FACTORY_ID" user_commissioning_signoff)
expect 403 officer POST "/api/tasks/$TASK/complete" '{"variables":{"approved":true}}' | jq -c '{status, detail}'
say "... another officer signs off the commissioning"
complete officer2 "$TASK" '{"approved":true}'

step "7. The registry follows: COMMISSIONED, both presses OPERATIONAL"
wait_json officer "/api/factories/$FACTORY_ID" '.status == "COMMISSIONED"' |
    jq -c '{status, commissionedBy, machines: [.machines[] | {machineId, status}]}'

step "8. The member books 12 machine-hours within five days (202: time is reserved next)"
JOB_ID=$(api "$MEMBER_LOGIN" POST /api/jobs "{\"memberId\":\"$MEMBER_ID\",\"factoryId\":\"$FACTORY_ID\",
    \"machineType\":\"COCONUT_OIL_PRESS\",\"product\":\"Virgin coconut oil\",\"quantity\":500,\"machineHours\":12,
    \"earliestStart\":\"$(day)\",\"deadline\":\"$(day '+5 days')\"}" | jq -r .jobId)
say "job $JOB_ID"

step "9. production_job reserved the time on the factory's ledger: SCHEDULED, with its allocations"
wait_json "$MEMBER_LOGIN" "/api/jobs/$JOB_ID" '.status == "SCHEDULED"' |
    jq -c '{status, plannedStart, plannedEnd, allocations}'

step "10. The staff start the job, record the output and pass the quality inspection"
complete staff "$(wait_tasks staff "$JOB_ID" user_start_job)" '{}'
complete staff "$(wait_tasks staff "$JOB_ID" user_record_output)" '{"goodUnits":480,"rejectedUnits":20}'
complete staff "$(wait_tasks staff "$JOB_ID" user_quality_inspection)" '{"passed":true}'
wait_json "$MEMBER_LOGIN" "/api/jobs/$JOB_ID" '.status == "COMPLETED"' | jq -c '{status, goodUnits, rejectedUnits}'

step "11. The job board, the capacity calendar and utilisation show it (readers; staff for their factory)"
api officer GET "/api/jobs?factoryId=$FACTORY_ID&status=COMPLETED" | jq -c '[.items[] | {jobId, product, status}]'
api staff GET "/api/factories/$FACTORY_ID/calendar?from=$(day)&to=$(day '+1 day')" |
    jq -r '.machines[] | .machineId as $m | .days[] | "   \($m) \(.day): booked \(.bookedHours) of \(.capacityHours) h"'
api officer GET "/api/factories/$FACTORY_ID/utilisation?from=$(day)&to=$(day)" | jq -c .

save FACTORY_ID "$FACTORY_ID"
save JOB_ID "$JOB_ID"
step "Done: factory $FACTORY_ID is COMMISSIONED and job $JOB_ID is COMPLETED."
say "Next: bash docs/walkthroughs/programme.sh"
