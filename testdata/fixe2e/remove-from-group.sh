#!/usr/bin/env bash
# Take a learner out of a group when they change team (IT ticket template
# "LMS - team change"). Private subgroups are left alone on purpose.
#
# Usage: ./remove-from-group.sh GROUP_ID USER_ID
set -euo pipefail

LMS_BASE="${LMS_BASE:-https://acme.360learning.com}"
COMPANY_ID="${LMS_COMPANY_ID:?set LMS_COMPANY_ID}"
API_KEY="${LMS_API_KEY:?set LMS_API_KEY}"

GROUP_ID="${1:?usage: $0 GROUP_ID USER_ID}"
USER_ID="${2:?usage: $0 GROUP_ID USER_ID}"

echo "Removing ${USER_ID} from group ${GROUP_ID}" >&2
curl -fsS -X DELETE \
  -H "Content-Type: application/json" \
  -d '{"deleteFromPrivateSubgroups": false}' \
  "${LMS_BASE}/api/v1/groups/${GROUP_ID}/users/${USER_ID}?company=${COMPANY_ID}&apiKey=${API_KEY}"
echo
