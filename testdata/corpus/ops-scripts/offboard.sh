#!/usr/bin/env bash
# Offboarding: pseudonymize leavers in 360Learning and pull them out of their groups.
# Input: leavers.csv exported from Workday (email,group_id,last_day)
# Usage: LMS_HOST=acme.360learning.com LMS_COMPANY=... LMS_API_KEY=... ./offboard.sh leavers.csv
set -euo pipefail

source "$(dirname "$0")/lib/lms.sh"

CSV="${1:-leavers.csv}"
DRY_RUN="${DRY_RUN:-0}"

pseudonymize() {
  local email="$1"
  echo "pseudonymizing ${email}"
  curl --fail --silent --show-error \
    -X PUT \
    "https://${LMS_HOST}/api/v1/users/${email}/pseudonymize?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"
}

remove_from_group() {
  local group_id="$1" email="$2"
  curl --fail -sS --request DELETE \
    "https://${LMS_HOST}/api/v1/groups/${group_id}/users/${email}" \
    --data-urlencode "company=${LMS_COMPANY}" \
    --data-urlencode "apiKey=${LMS_API_KEY}" \
    --data-urlencode "deleteFromPrivateSubgroups=true"
}

# Tell the HR side the account is gone (their API, not ours).
notify_peoplehub() {
  curl -sS -X POST "https://api.peoplehub.example/api/v1/users/$1/events" \
    -H "Authorization: Bearer ${PEOPLEHUB_TOKEN}" \
    -d '{"type":"lms_offboarded"}'
}

tail -n +2 "$CSV" | while IFS=, read -r email group_id last_day; do
  if [[ "$DRY_RUN" == "1" ]]; then
    echo "would offboard ${email} (group ${group_id}, last day ${last_day})"
    continue
  fi
  remove_from_group "$group_id" "$email"
  pseudonymize "$email"
  notify_peoplehub "$email"
done
