#!/usr/bin/env bash
# Walk-through 4: regions and their commodity potential.
#
# The server ships a versioned list of regions with a potential score (0-100) per commodity,
# command/src/main/resources/reference/regions-v1.csv: SAMPLE data, imported once at start-up (RegionImported).
# Readers and factory staff look it up; officers maintain the figures, and every change is an event of the Region
# aggregate. Region ids are the codes of province and regency, e.g. SULAWESI_UTARA/MINAHASA.
#
# This walk-through changes only Bali/Bangli, so the COCONUT potential of Minahasa that walk-throughs 2 and 3 rely
# on stays as shipped.
#
#   bash docs/walkthroughs/regions.sh
set -euo pipefail
. "$(dirname "$0")/lib.sh"

step "1. Regions ranked by their potential for a commodity (by its code, here COCONUT)"
api officer GET "/api/regions?commodity=COCONUT" | jq -r '.items[] | "   \(.regionId)  \(.score)"'

step "2. The regions of a province (factory staff may read them too)"
api staff GET "/api/regions?province=JAWA_TENGAH" | jq -r '.items[] | "   \(.regionId)"' | sort -u

step "3. One region with all its potentials and where each figure comes from"
api auditor GET /api/regions/SULAWESI_UTARA/MINAHASA | jq -c '{regionId, dataSource, potentials: [.potentials[] |
    {commodityCode, score, sourceNote}]}'

step "4. An officer sets two potentials of Bali/Bangli from a field survey (CommodityPotentialSet)"
api officer PUT /api/regions/BALI/BANGLI/potentials/COFFEE '{"score":81,"sourceNote":"field survey"}' >/dev/null
api officer PUT /api/regions/BALI/BANGLI/potentials/CITRUS '{"score":40,"sourceNote":"field survey"}' >/dev/null
wait_json officer /api/regions/BALI/BANGLI \
    '[.potentials[] | select(.commodityCode == "CITRUS" or (.commodityCode == "COFFEE" and .score == 81))] | length == 2' |
    jq -c '[.potentials[] | {commodityCode, score, sourceNote, updatedBy}]'

step "5. ... and removes one with a reason (CommodityPotentialRemoved); a factory for CITRUS there could no"
say "longer join a wave (409 wave.no-potential)"
api officer POST /api/regions/BALI/BANGLI/potentials/CITRUS/removal '{"reason":"plots converted to coffee"}' >/dev/null
wait_json officer /api/regions/BALI/BANGLI '[.potentials[] | select(.commodityCode == "CITRUS")] | length == 0' |
    jq -c '[.potentials[] | {commodityCode, score}]'

step "6. Removing it again is a business rule (409), and auditors change nothing (403)"
expect 409 officer POST /api/regions/BALI/BANGLI/potentials/CITRUS/removal '{"reason":"again"}' | jq -c '{status, code}'
expect 403 auditor PUT /api/regions/BALI/BANGLI/potentials/COFFEE '{"score":1,"sourceNote":"auditor"}' | jq -c '{status}'

step "7. The auditor reads the region's events in the audit log (filtered by aggregate)"
api auditor GET "/api/audit/events?aggregateId=BALI%2FBANGLI&limit=20" |
    jq -r '.items[] | "   \(.globalIndex)  \(.eventType)  by \(.metadata.actor)"'

step "Done."
