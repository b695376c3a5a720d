#!/usr/bin/env bash
# offboard-leavers.sh — nightly job run by IT ops.
# Reads leavers.csv (email,group_id) exported from the HRIS and, for each
# leaver, pseudonymizes the 360Learning account then removes it from its
# groups. Credentials come from the vault-injected environment.
set -euo pipefail

: "${LMS_HOST:=https://acme.360learning.com}"
COMPANY_ID="${LMS_COMPANY_ID:?missing company id}"
API_KEY="${LMS_API_KEY:?missing api key}"
LOG=/var/log/lms/offboarding.log

log() { printf '%s %s\n' "$(date -Is)" "$*" >>"$LOG"; }

pseudonymize() {
  local email="$1"
  curl -sSf -X PUT \
    "${LMS_HOST}/api/v1/users/${email}/pseudonymize?company=${COMPANY_ID}&apiKey=${API_KEY}" \
    -o /dev/null -w '%{http_code}'
}

remove_from_group() {
  local group_id="$1" email="$2"
  curl -sS --fail --request DELETE "${LMS_HOST}/api/v1/groups/${group_id}/users/${email}" \
    --data-urlencode "company=${COMPANY_ID}" \
    --data-urlencode "apiKey=${API_KEY}" \
    --data-urlencode 'deleteFromPrivateSubgroups=true'
}

while IFS=, read -r email group_id; do
  [[ "$email" == "email" ]] && continue   # header line
  log "offboarding $email"
  code=$(pseudonymize "$email")
  if [[ "$code" != "200" ]]; then
    log "pseudonymize failed for $email: $code"
    continue
  fi
  remove_from_group "$group_id" "$email"
done < leavers.csv

# Old one-off kept for reference: the contractors group.
curl -sSfXDELETE "https://acme.360learning.com/api/v1/groups/5f1c0ffee0ddba11ad000001/users/$CONTRACTOR_EMAIL?company=$COMPANY_ID&apiKey=$API_KEY" \
  -d deleteFromPrivateSubgroups=false

log "done"
echo "see https://acme.360learning.com/api/v1/users for the remaining accounts"
