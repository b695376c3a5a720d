#!/bin/sh
# Map BambooHR employee IDs to LMS accounts before the badge export.
LMS_BASE=https://app.360learning.com
lookup() {
  curl --location -g \
    "$LMS_BASE/api/v1/users/getUserByExternalId/$1/BambooHR?company=$COMPANY&apiKey=$APIKEY"
}

for id in $(cut -d, -f1 employees.csv); do
  lookup "$id" | jq -r '._id'
done

# the Workday tenant uses a second platform name
curl -sS "https://app.360learning.com/api/v1/users/getUserByExternalId/${WD_ID}/Workday?company=${COMPANY}&apiKey=${APIKEY}" | jq .
