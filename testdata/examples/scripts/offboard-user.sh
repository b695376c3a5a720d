#!/usr/bin/env bash
# Offboarding: take a leaver out of their team group, then pseudonymize them.
# Usage: offboard-user.sh EMAIL GROUP_ID
# Needs LMS_COMPANY and LMS_API_KEY (see the vault entry "360 API").
set -euo pipefail

EMAIL="$1"
GROUP_ID="$2"
LMS="https://acme.360learning.com"

echo "Removing $EMAIL from group $GROUP_ID"
curl -sf -X DELETE \
  "$LMS/api/v1/groups/$GROUP_ID/users/$EMAIL?company=$LMS_COMPANY&apiKey=$LMS_API_KEY"

echo "Pseudonymizing $EMAIL"
curl -sf -X PUT \
  "$LMS/api/v1/users/$EMAIL/pseudonymize?company=$LMS_COMPANY&apiKey=$LMS_API_KEY"
