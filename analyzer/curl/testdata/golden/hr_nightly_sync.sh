#!/bin/bash
# HR nightly sync: PeopleHub → 360Learning.
# 1. fetch the employee changes from PeopleHub (not ours)
# 2. list every LMS user, including deleted ones, to reactivate returning staff
# 3. update each changed user

LMS="https://acme.360learning.com/api/v1"
CREDS="company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"
PEOPLEHUB=https://api.peoplehub.example/v3

curl -s -H "Authorization: Bearer ${PEOPLEHUB_TOKEN}" \
  "${PEOPLEHUB}/employees/changes?since=$(date -d yesterday +%F)" > changes.json

curl -s -G "${LMS}/users" \
  -d deleted=true \
  --data-urlencode "company=${LMS_COMPANY}" \
  --data-urlencode "apiKey=${LMS_API_KEY}" \
  -o lms_users.json

jq -c '.[]' changes.json | while read -r row; do
  email=$(jq -r .email <<<"$row")
  group=$(jq -r .department_group <<<"$row")
  curl -s -X PUT "${LMS}/users/${email}?${CREDS}" \
    -H 'Content-Type: application/json' \
    -d '{
      "firstName": "'"$(jq -r .first_name <<<"$row")"'",
      "primaryGroupId": "'"$group"'",
      "password": "Welcome2024!",
      "lang": "en"
    }'
done

# Reset the trainers' shared account from a heredoc body.
curl -s --request PUT "${LMS}/users/trainers@acme.example?${CREDS}" \
  --header "Content-Type: application/json" \
  --data-binary @- <<JSON
{
  "lastName": "Trainers",
  "password": "${TRAINERS_PASSWORD}",
  "custom": {"site": "Lyon"}
}
JSON
