#!/usr/bin/env bash
# GDPR runbook, step 4: pseudonymize a leaver in 360Learning once HR has
# closed their file. The user is given by their 360Learning user ID (see the
# "LMS ID" column of the HR export).
#
# Usage: LMS_COMPANY_ID=... LMS_API_KEY=... ./pseudonymize-leaver.sh USER_ID
set -euo pipefail

LMS_BASE="${LMS_BASE:-https://acme.360learning.com}"
COMPANY_ID="${LMS_COMPANY_ID:?set LMS_COMPANY_ID}"
API_KEY="${LMS_API_KEY:?set LMS_API_KEY}"

USER_ID="${1:?usage: $0 USER_ID}"

echo "Pseudonymizing 360Learning user ${USER_ID}..." >&2
curl -fsS -X PUT "${LMS_BASE}/api/v1/users/${USER_ID}/pseudonymize?company=${COMPANY_ID}&apiKey=${API_KEY}"
echo
echo "Done: record the ticket number in the leavers sheet." >&2
