#!/usr/bin/env bash
# Offboarding against API v2 (already migrated): USER_ID is the 360Learning
# user ID, TOKEN comes from POST /api/v2/oauth2/token.
set -euo pipefail

USER_ID="$1"
curl -sf -X PUT "https://acme.360learning.com/api/v2/users/$USER_ID/pseudonymize" \
  -H "Authorization: Bearer $TOKEN" \
  -H "360-api-version: v2.0"
