#!/bin/bash
# Offboard everyone in leavers.csv (email,group_id) from the LMS, then
# archive the HR record in PeopleHub.
set -eu
HOST=${LMS_HOST:-initech.360learning.com}
AUTH="company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"

while IFS=, read -r email group_id; do
  [ "$email" = "email" ] && continue   # header
  curl -sf -X DELETE "https://$HOST/api/v1/groups/$group_id/users/$email?$AUTH" \
       -H 'Content-Type: application/json' \
       -d '{"deleteFromPrivateSubgroups": true}'
  curl -sf --request PUT \
       "https://$HOST/api/v1/users/$email/pseudonymize?$AUTH"
  curl -sf -X PUT "https://api.peoplehub.example/api/v1/users/$email" \
       -d '{"status":"archived"}'
done < leavers.csv
