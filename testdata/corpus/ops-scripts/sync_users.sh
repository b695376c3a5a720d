#!/bin/bash
# Nightly HR -> LMS sync (legacy, v1). Runs on the ops box from cron at 02:15.
set -e

LMS_BASE="https://acme.360learning.com"
OUT=/var/tmp/lms-sync
mkdir -p "$OUT"

# 1. Snapshot every user, including deactivated ones.
curl -sS -o "$OUT/users.json" \
  "$LMS_BASE/api/v1/users?company=$LMS_COMPANY&apiKey=$LMS_API_KEY&deleted=true"

# 2. Push profile changes computed by hrdiff.
jq -c '.[]' "$OUT/changes.json" | while read -r change; do
  email=$(jq -r .mail <<<"$change")
  first=$(jq -r .firstName <<<"$change")
  group=$(jq -r .primaryGroup <<<"$change")
  curl -sS -X PUT "$LMS_BASE/api/v1/users/$email?company=$LMS_COMPANY&apiKey=$LMS_API_KEY" \
    -H 'Content-Type: application/json' \
    -d "{
      \"firstName\": \"$first\",
      \"primaryGroupId\": \"$group\"
    }"
done

# 3. Reset passwords for the accounts the helpdesk flagged.
while read -r email; do
  curl -sS --request PUT \
    --url "$LMS_BASE/api/v1/users/$email?company=$LMS_COMPANY&apiKey=$LMS_API_KEY" \
    --header 'Content-Type: application/json' \
    --data "{\"password\": \"$(openssl rand -base64 18)\"}"
done < "$OUT/password_resets.txt"

# 4. Already migrated: count users through v2.
curl -sS "$LMS_BASE/api/v2/users" \
  -H "360-api-version: v2.0" \
  -H "Authorization: Bearer $LMS_V2_TOKEN" | jq length

# 5. Employees from PeopleHub (their v1 API, not the LMS).
curl -sS "https://api.peoplehub.example/api/v1/users?deleted=true" -H "Authorization: Bearer $PH_TOKEN" > "$OUT/ph.json"
