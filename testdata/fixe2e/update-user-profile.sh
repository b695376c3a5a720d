#!/usr/bin/env bash
# Push a profile change from the HR system to 360Learning (names and job
# title). Called by the nightly HR sync for each changed employee.
#
# Usage: ./update-user-profile.sh USER_ID FIRST_NAME LAST_NAME JOB_TITLE
set -euo pipefail

LMS_BASE="${LMS_BASE:-https://acme.360learning.com}"
COMPANY_ID="${LMS_COMPANY_ID:?set LMS_COMPANY_ID}"
API_KEY="${LMS_API_KEY:?set LMS_API_KEY}"

if [ "$#" -ne 4 ]; then
  echo "usage: $0 USER_ID FIRST_NAME LAST_NAME JOB_TITLE" >&2
  exit 64
fi
USER_ID="$1"
FIRST_NAME="$2"
LAST_NAME="$3"
JOB_TITLE="$4"

curl -fsS \
  -X PUT \
  -H "Content-Type: application/json" \
  -d "{\"firstName\": \"${FIRST_NAME}\", \"lastName\": \"${LAST_NAME}\", \"job\": \"${JOB_TITLE}\"}" \
  "${LMS_BASE}/api/v1/users/${USER_ID}?company=${COMPANY_ID}&apiKey=${API_KEY}"
echo
