#!/usr/bin/env bash
# Walk-through 1: member onboarding.
#
# A coconut business in Minahasa (Sulawesi Utara) applies with its own login; the member_onboarding process screens
# it (DMN member_screening) and gives the officers a "Verify documents" task; an officer verifies it; the member is
# qualified on the coconut oil press, suspended and reinstated; the auditor reads who did what.
#
#   bash docs/walkthroughs/member-onboarding.sh          (server running: see docs/walkthroughs/README.md)
#
# The demo login "member" can act for one member only, once per database. So that this walk-through can run
# again, an administrator first makes the applicant a login of its own (in the members group) through engine
# REST, as Camunda Admin would. MEMBER_LOGIN=member uses the demo login instead (on a fresh database).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
save SERVER "$B"

step "0. An administrator gives the applicant a login in the members group"
if [ -n "${MEMBER_LOGIN:-}" ]; then
    LOGIN=$MEMBER_LOGIN
    say "using the login $LOGIN"
else
    LOGIN="umkm-$(digits 6)"
    api admin POST /engine-rest/user/create "{\"profile\":{\"id\":\"$LOGIN\",\"firstName\":\"Budi\",
        \"lastName\":\"Santoso\",\"email\":\"$LOGIN@example.id\"},\"credentials\":{\"password\":\"$PASSWORD\"}}" >/dev/null
    api admin PUT "/engine-rest/group/members/members/$LOGIN" >/dev/null
    say "login $LOGIN, password as the demo users'"
fi

step "1. The member applies with its own login (201; the login now acts for this member)"
NIB=$(digits 13)
MEMBER_ID=$(api "$LOGIN" POST /api/members "{
    \"nib\":\"$NIB\",\"businessName\":\"Kelapa Jaya $NIB\",\"ownerName\":\"Budi Santoso\",
    \"ownerNik\":\"71710$(digits 11)\",\"sector\":\"coconut\",\"province\":\"Sulawesi Utara\",\"regency\":\"Minahasa\",
    \"scale\":\"MICRO\",\"contactPhone\":\"+62 812 1234 5678\",\"contactEmail\":\"budi@example.id\"}" | jq -r .memberId)
say "member $MEMBER_ID, NIB $NIB, status APPLIED"

step "2. Applying twice with the same NIB is refused (409 member.nib-taken), and nothing is written"
expect 409 officer POST /api/members "{
    \"nib\":\"$NIB\",\"businessName\":\"Copy\",\"ownerName\":\"Someone Else\",\"ownerNik\":\"7171019999990001\",
    \"sector\":\"coconut\",\"province\":\"Sulawesi Utara\",\"regency\":\"Minahasa\",\"scale\":\"MICRO\"}" |
    jq -c '{status, code, rule}'

step "3. The onboarding process screened the application and waits for an officer: \"Verify documents\""
TASK=$(wait_tasks officer "$MEMBER_ID" user_verify_documents)
api officer GET "/api/tasks/$TASK" | jq -c '{name: .task.name, priority: .task.priority, due: .task.due,
    form: [.form[] | {id, required, readonly}]}'

step "4. The officer claims the task and approves the documents"
api officer POST "/api/tasks/$TASK/claim" >/dev/null
complete officer "$TASK" '{"approved":true}'

step "5. The member directory follows within moments: VERIFIED"
wait_json officer "/api/members/$MEMBER_ID" '.status == "VERIFIED"' | jq -c '{memberId, businessName, status}'

step "6. An officer qualifies the member on the coconut oil press for a year"
api officer PUT "/api/members/$MEMBER_ID/qualifications/COCONUT_OIL_PRESS" \
    "{\"expiresOn\":\"$(day '+1 year')\"}" >/dev/null
wait_json officer "/api/members/$MEMBER_ID" \
    '[.qualifications[] | select(.machineType == "COCONUT_OIL_PRESS")] | length == 1' |
    jq -c '.qualifications'

step "7. Suspension (officers) and reinstatement (a supervisor)"
api officer POST "/api/members/$MEMBER_ID/suspension" '{"reason":"membership fee unpaid"}' >/dev/null
wait_json officer "/api/members/$MEMBER_ID" '.status == "SUSPENDED"' | jq -c '{status, statusReason}'
api supervisor POST "/api/members/$MEMBER_ID/reinstatement" >/dev/null
wait_json officer "/api/members/$MEMBER_ID" '.status == "VERIFIED"' | jq -c '{status}'

step "8. The member's own login sees its member (the owner's NIK masked); another member's login would get 404"
api "$LOGIN" GET "/api/members/$MEMBER_ID" | jq -c '{businessName, ownerName, ownerNikMasked, status}'

step "9. The directory: filter, sort, page (readers only)"
api officer GET "/api/members?province=Sulawesi%20Utara&status=VERIFIED&sort=BUSINESS_NAME&page=0&size=5" |
    jq -c '{totalItems, first: [.items[] | .businessName]}'

step "10. The auditor reads who did what: the member's history, straight from the event store"
api auditor GET "/api/audit/aggregates/$MEMBER_ID/events" |
    jq -r '.events[] | "   \(.sequence)  \(.eventType)  by \(.metadata.actor)"'

save MEMBER_ID "$MEMBER_ID"
save MEMBER_LOGIN "$LOGIN"
step "Done: member $MEMBER_ID (login $LOGIN) is VERIFIED and qualified for COCONUT_OIL_PRESS."
say "Next: bash docs/walkthroughs/factory.sh"
