#!/bin/bash
# One-off batch for the Q3 leavers list (HR-4410).
# Approved by: people-ops. Do not re-run without checking the list with HR first.
set -euo pipefail

LMS="https://acme.360learning.com"
CO="${LMS_COMPANY}"
KEY="${LMS_API_KEY}"

# Marta left on 30/09, contract ended
curl -sS -X PUT "${LMS}/api/v1/users/marta.kowalski@acme-corp.com/pseudonymize?company=${CO}&apiKey=${KEY}"
echo

# Contractor, never had an HR record; account created by hand
curl -sS -X PUT "${LMS}/api/v1/users/contractor.nguyen@acme-corp.com/pseudonymize?company=${CO}&apiKey=${KEY}"
echo

# Li Wei: already deactivated in August, only the pseudonymization is missing.
# Credentials go in the form body here (copied from the vendor doc example).
curl -sS -X PUT "${LMS}/api/v1/users/64b7e2f1a9c3d4e5f6a7b803/pseudonymize" \
  --data-urlencode "company=${CO}" \
  --data-urlencode "apiKey=${KEY}"
echo

# Tom moves to the subsidiary: remove him from the Sales academy group, keep the account.
curl -sS -X DELETE "${LMS}/api/v1/groups/60a2b3c4d5e6f708192a3b4c/users/tom.baker@acme-corp.com?company=${CO}&apiKey=${KEY}" \
  -H 'Content-Type: application/json' \
  -d '{"deleteFromPrivateSubgroups": true}'
echo
