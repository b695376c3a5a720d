#!/usr/bin/env bash
# Create accounts for new joiners, then fix their profile.
set -euo pipefail

create_user() {
  local mail="$1" first="$2" last="$3"
  curl -sS -X POST "https://${LMS_HOST}/api/v1/users" \
    --data-urlencode "company=${LMS_COMPANY}" \
    --data-urlencode "apiKey=${LMS_API_KEY}" \
    --data-urlencode "mail=${mail}" \
    --data-urlencode "firstName=${first}" \
    --data-urlencode "lastName=${last}" \
    --data-urlencode "password=Welcome-${RANDOM}"
}

set_primary_group() {
  curl -sS \
    -X PUT \
    -H "Content-Type: application/json" \
    --data-binary @- \
    "https://${LMS_HOST}/api/v1/users/$1?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}" <<JSON
{"primaryGroupId": "$2"}
JSON
}

while IFS=';' read -r mail first last group; do
  create_user "$mail" "$first" "$last"
  set_primary_group "$mail" "$group"
done < joiners.txt
