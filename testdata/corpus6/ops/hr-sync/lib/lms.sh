# shellcheck shell=bash
# Helpers shared by the hr-sync jobs. Source config/lms.env first.
# (LMS_API already ends with /api/v1, see config/lms.env)

lms_set_external_team() {
  local user_id="$1" team="$2"
  curl -sf -X PUT "${LMS_API}/users/${user_id}?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}" \
    -H 'Content-Type: application/json' \
    -d "{\"organization\": \"${team}\"}" >/dev/null
}

peoplehub_manager_of() {
  curl -sf "${PEOPLEHUB_API}/employees/$1/manager" | jq -r '.email'
}
