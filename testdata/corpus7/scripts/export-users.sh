#!/bin/sh
# Weekly headcount check between the HRIS and the LMS (FIN-204).
# Prints to the terminal; nothing is stored.
set -eu

LMS_URL="https://northwind.360learning.com"

echo "== LMS users, deactivated ones included =="
curl --silent --get \
  --url "${LMS_URL}/api/v1/users" \
  --data-urlencode "company=${LMS_COMPANY}" \
  --data-urlencode "apiKey=${LMS_API_KEY}" \
  --data-urlencode "deleted=true"

echo "== active LMS accounts =="
active=$(curl --silent --get \
  --url "${LMS_URL}/api/v1/users" \
  --data-urlencode "company=${LMS_COMPANY}" \
  --data-urlencode "apiKey=${LMS_API_KEY}" | jq 'length')
echo "active: ${active}"

echo "== Workday worker W-20931 (spot check) =="
curl --silent --request GET \
  --url "${LMS_URL}/api/v1/users/getUserByExternalId/W-20931/workday?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"

for worker in $(cut -d, -f1 new-hires.csv); do
  lms_id=$(curl --silent --get \
    --url "${LMS_URL}/api/v1/users/getUserByExternalId/${worker}/workday" \
    --data-urlencode "company=${LMS_COMPANY}" \
    --data-urlencode "apiKey=${LMS_API_KEY}" | jq -r '._id')
  echo "${worker} -> ${lms_id}"
done

# HRIS side (not the LMS): PeopleHub has its own v1 API.
curl --silent --get --url "https://api.peoplehub.example/api/v1/users" \
  --data-urlencode "status=active" \
  --header "X-PeopleHub-Key: ${PEOPLEHUB_KEY}"
