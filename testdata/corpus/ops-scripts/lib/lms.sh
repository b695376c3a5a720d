# shellcheck shell=bash
# Shared helpers for the LMS scripts. Sourced, never run.

: "${LMS_HOST:?set LMS_HOST, e.g. acme.360learning.com}"
: "${LMS_COMPANY:?set LMS_COMPANY}"
: "${LMS_API_KEY:?set LMS_API_KEY}"

LMS_AUTH="company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"

# lms_user EMAIL: print the user's JSON (v1 getUser)
lms_user() {
  curl -sS "https://${LMS_HOST}/api/v1/users/$1?${LMS_AUTH}"
}

# lms_user_managers EMAIL
lms_user_managers() {
  curl -sS "https://${LMS_HOST}/api/v1/users/$1/managers?${LMS_AUTH}"
}

# lms_by_external_id ID PLATFORM
lms_by_external_id() {
  curl -sS -G "https://${LMS_HOST}/api/v1/users/getUserByExternalId/$1/$2" \
    --data-urlencode "company=${LMS_COMPANY}" \
    --data-urlencode "apiKey=${LMS_API_KEY}"
}

# Local metrics sidecar; not the LMS.
lms_metric() {
  curl -s -X POST "http://localhost:9091/api/v1/metrics/job/lms_scripts" --data-binary "$1" >/dev/null || true
}

# lms_all_users: every account, deactivated ones included (for the audit export)
lms_all_users() {
  curl -sS -G "https://${LMS_HOST}/api/v1/users" \
    --data-urlencode "company=${LMS_COMPANY}" \
    --data-urlencode "apiKey=${LMS_API_KEY}" \
    --data-urlencode "deleted=true"
}
