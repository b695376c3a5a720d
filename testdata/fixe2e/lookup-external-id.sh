#!/usr/bin/env bash
# Support helper: which 360Learning user is this Workday worker?
# Prints the LMS answer to the terminal.
#
# Usage: ./lookup-external-id.sh WORKER_ID [PLATFORM]
set -euo pipefail

LMS_BASE="${LMS_BASE:-https://acme.360learning.com}"
COMPANY_ID="${LMS_COMPANY_ID:?set LMS_COMPANY_ID}"
API_KEY="${LMS_API_KEY:?set LMS_API_KEY}"

EXTERNAL_ID="${1:?usage: $0 WORKER_ID [PLATFORM]}"
PLATFORM="${2:-workday}"

curl -fsS "${LMS_BASE}/api/v1/users/getUserByExternalId/${EXTERNAL_ID}/${PLATFORM}?company=${COMPANY_ID}&apiKey=${API_KEY}"
echo
