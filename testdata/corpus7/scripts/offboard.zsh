#!/usr/bin/env zsh
# Store-staff offboarding, run by the people-ops rota (ticket template OPS-77).
# Usage: ./offboard.zsh <leaver-email>
setopt err_exit no_unset pipe_fail

LMS_HOST="northwind.360learning.com"
leaver_email="$1"

# 1. Ines (regional trainer) left in March; her profile still shows in the catalogue.
curl --silent --show-error --request PUT \
  --url "https://${LMS_HOST}/api/v1/users/ines.moreau@northwind-retail.com/pseudonymize?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"
print

# 2. Karl moves to the warehouse: out of the "Store onboarding" group, private subgroups untouched.
curl --silent --show-error --request DELETE \
  --url "https://${LMS_HOST}/api/v1/groups/65f0aa00bb11cc22dd33ee44/users/karl.berg@northwind-retail.com?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}" \
  --header 'Content-Type: application/json' \
  --data-raw '{"deleteFromPrivateSubgroups": false, "group_id": "65f0aa00bb11cc22dd33ee44"}'
print

# 3. Whoever was passed on the command line: mark the profile as a leaver.
curl --silent --show-error --request PUT \
  --url "https://${LMS_HOST}/api/v1/users/${leaver_email}?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}" \
  --header 'Content-Type: application/json' \
  --data-raw '{"lastName": "(left)", "job": "Former employee"}'
print
