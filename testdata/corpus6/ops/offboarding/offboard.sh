#!/usr/bin/env bash
# Offboard one leaver from the LMS.
# Usage: offboard.sh <workday-employee-id>
# Owner: IT integrations (ticket OPS-2231). Runs from the leavers cron on jump-01.
set -euo pipefail

: "${LMS_HOST:=acme.360learning.com}"
: "${LMS_COMPANY:?LMS_COMPANY must be set}"
: "${LMS_API_KEY:?LMS_API_KEY must be set}"
ALL_STAFF_GROUP="5f1c9a7e3b2d4c6a8e0f1a2b"

EMPLOYEE_ID="$1"

# 1. Find the LMS account behind the Workday employee ID.
USER_ID=$(curl -sf "https://${LMS_HOST}/api/v1/users/getUserByExternalId/${EMPLOYEE_ID}/workday?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}" | jq -r '._id')
USER_EMAIL=$(curl -sf "https://api.peoplehub.example/api/v1/employees/${EMPLOYEE_ID}" | jq -r '.workEmail')
echo "offboarding ${USER_EMAIL} (${USER_ID})"

# 2. Take them out of the all-staff group (private subgroups are handled by the group owners).
curl -sf -X DELETE \
  "https://${LMS_HOST}/api/v1/groups/${ALL_STAFF_GROUP}/users/${USER_ID}?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}" \
  -H 'Content-Type: application/json' \
  -d '{"deleteFromPrivateSubgroups": false, "group_id": "5f1c9a7e3b2d4c6a8e0f1a2b"}'

# 3. GDPR: pseudonymize the account (legal asked for this in OPS-2231).
curl -sf -X PUT "https://${LMS_HOST}/api/v1/users/${USER_EMAIL}/pseudonymize?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"

echo "done"
