#!/bin/sh
# Offboarding with HTTPie. Group membership first, then the GDPR erasure.
set -eu
MAIL=$1
for g in $(cat "groups/${MAIL}.txt"); do
  http --ignore-stdin --form DELETE "https://${LMS_HOST}/api/v1/groups/${g}/users/${MAIL}" \
    company="$LMS_COMPANY" apiKey="$LMS_API_KEY" deleteFromPrivateSubgroups=true
done
http --ignore-stdin PUT "https://${LMS_HOST}/api/v1/users/${MAIL}/pseudonymize" \
  company=="$LMS_COMPANY" apiKey=="$LMS_API_KEY"

# Tell PeopleHub we are done (not the LMS).
http --ignore-stdin POST https://api.peoplehub.example/api/v1/users/"${MAIL}"/offboarded done:=true
# Our own status API, running locally during the migration:
http --ignore-stdin GET http://localhost:3000/api/v1/users/"${MAIL}"
