#!/usr/bin/env bash
# lms.sh — tiny client the support team sources in their shell.
#   lms GET users
#   lms PUT "users/jane.doe@acme.example/pseudonymize"
LMS_URL=${LMS_URL:-https://acme.360learning.com}

lms() {
  local method="$1" path="$2"
  shift 2
  curl -sS -X "$method" \
    "${LMS_URL}/api/v1/${path}?company=${LMS_COMPANY}&apiKey=${LMS_KEY}" \
    -H 'Accept: application/json' "$@"
}

# The service desk's usual requests.
lms GET users
lms PUT "users/${LEAVER_EMAIL}/pseudonymize"
lms DELETE "groups/${GROUP_ID}/users/${LEAVER_EMAIL}" --data-urlencode deleteFromPrivateSubgroups=true
lms GET "users/getUserByExternalId/${EMPLOYEE_ID}/BambooHR" | jq -r ._id
