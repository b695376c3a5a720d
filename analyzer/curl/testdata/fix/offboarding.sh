#!/usr/bin/env bash
# Offboarding helpers used by the IT helpdesk (ticket OPS-2231).
# Usage: ./offboarding.sh <user-id>
set -euo pipefail

LMS_HOST="${LMS_HOST:-acme.360learning.com}"
USER_ID="$1"

# 1. Pseudonymize the leaver (GDPR). One line, credentials in the query.
curl -sS --fail -X PUT "https://${LMS_HOST}/api/v1/users/${USER_ID}/pseudonymize?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"

# 2. Take them out of the onboarding group: credentials sent as form data,
#    v2 wants the role in the path (--group-role learner).
curl -sS --fail \
    -X DELETE \
    --data-urlencode "company=${LMS_COMPANY}" \
    --data-urlencode "apiKey=${LMS_API_KEY}" \
    "https://${LMS_HOST}/api/v1/groups/5f0c1e2d3b4a596877665544/users/${USER_ID}"

# 3. Keep their record but rename them: JSON body with the credentials.
curl -sS --fail -X PUT \
    -H 'Content-Type: application/json' \
    -d '{
      "company": "acme",
      "apiKey": "'"${LMS_API_KEY}"'",
      "lastName": "Former employee"
    }' \
    "https://${LMS_HOST}/api/v1/users/${USER_ID}"

# 4. Everything bundled in one form string (old cron job style): the
#    credentials can go, but v2 takes JSON, not form fields: left.
curl -s -X PUT -d "company=acme&apiKey=${LMS_API_KEY}&firstName=Former" https://${LMS_HOST}/api/v1/users/${USER_ID}

# 5. Escaped JSON in double quotes.
curl -s -X PUT -H "Content-Type: application/json" --data "{\"apiKey\": \"${LMS_API_KEY}\", \"company\": \"acme\", \"lastName\": \"Gone\"}" "https://${LMS_HOST}/api/v1/users/${USER_ID}"

# 6. A body that holds nothing but the credentials: the option goes.
curl -sS -X DELETE -H 'Content-Type: application/json' -d '{"company": "acme", "apiKey": "'"${LMS_API_KEY}"'", "deleteFromPrivateSubgroups": false}' "https://${LMS_HOST}/api/v1/groups/5f0c1e2d3b4a596877665544/users/${USER_ID}"

# Decoy: the people directory is not the LMS.
curl -sS -X PUT "https://api.peoplehub.example/api/v1/users/${USER_ID}/deactivate"

# 7. Bundled form data where everything goes (credentials and the v1-only
#    deleteFromPrivateSubgroups=false): the -d option goes with them.
curl -s -X DELETE -d "company=acme&apiKey=${LMS_API_KEY}&deleteFromPrivateSubgroups=false" "https://${LMS_HOST}/api/v1/groups/5f0c1e2d3b4a596877665544/users/${USER_ID}"

# 8. A JSON body sent without a Content-Type: curl -d would call it a form.
curl -s -X PUT -d '{"apiKey": "'"$LMS_API_KEY"'", "company": "acme", "firstName": "Ada"}' "https://${LMS_HOST}/api/v1/users/${USER_ID}"
