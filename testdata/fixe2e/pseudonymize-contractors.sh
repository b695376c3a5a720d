#!/usr/bin/env bash
# One-off (ticket OPS-2291): pseudonymize the two contractors whose
# contracts ended in March. Run once, then archive.
set -euo pipefail

LMS_BASE="${LMS_BASE:-https://acme.360learning.com}"
COMPANY_ID="${LMS_COMPANY_ID:?set LMS_COMPANY_ID}"
API_KEY="${LMS_API_KEY:?set LMS_API_KEY}"

curl -fsS --request PUT "${LMS_BASE}/api/v1/users/jane.doe@acme.com/pseudonymize?company=${COMPANY_ID}&apiKey=${API_KEY}"
echo
curl -fsS --request PUT "${LMS_BASE}/api/v1/users/omar.haddad@acme.com/pseudonymize?company=${COMPANY_ID}&apiKey=${API_KEY}"
echo
