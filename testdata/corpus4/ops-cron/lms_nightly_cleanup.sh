#!/bin/bash
# Installed as /etc/cron.d/lms-cleanup (02:00 every night) on the old ops box.
# Busybox-free box: GNU wget 1.19 supports --method and --body-data.
set -eu

LMS_HOST="${LMS_HOST:-acme.360learning.com}"
API="https://${LMS_HOST}/api/v1"
AUTH="company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"

while IFS=, read -r email group; do
  wget -qO- --method=DELETE \
    --body-data="company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}&deleteFromPrivateSubgroups=true" \
    "${API}/groups/${group}/users/${email}"
  wget -qO- --method=PUT --body-data="" "${API}/users/${email}/pseudonymize?${AUTH}"
done < /var/lib/hr/leavers.csv

# Snapshot for the weekly report, deactivated accounts included.
wget -qO /var/tmp/lms-users.json "${API}/users?${AUTH}&deleted=true"

# PeopleHub keeps its own v1 API (not the LMS).
wget -qO- "https://api.peoplehub.example/api/v1/users?deleted=true" > /var/tmp/hub.json

# Monday: re-home the people HR moved to another site, then check them by Workday ID.
if [ "$(date +%u)" = 1 ]; then
  while IFS=, read -r email worker new_group; do
    wget -qO- --method=PUT --header='Content-Type: application/json' \
      --body-data="{\"primaryGroupId\": \"${new_group}\"}" \
      "${API}/users/${email}?${AUTH}"
    wget -qO- "${API}/users/getUserByExternalId/${worker}/Workday?${AUTH}"
  done < /var/lib/hr/movers.csv
fi
