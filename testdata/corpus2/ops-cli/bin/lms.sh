#!/usr/bin/env bash
# lms.sh - tiny admin CLI for our 360Learning tenant.
#
#   lms.sh -u alice@initech.example -f Alice -l Smith   update a learner's names
#   lms.sh -p alice@initech.example                      pseudonymize (GDPR)
#   lms.sh -r GROUP_ID -u alice@initech.example          remove from a group
#   lms.sh -x 1234 -s Workday                            find by external ID
#   lms.sh -L                                            list learners (incl. deactivated)
set -euo pipefail

LMS_HOST="${LMS_HOST:-initech.360learning.com}"
: "${LMS_COMPANY:?set LMS_COMPANY}" "${LMS_API_KEY:?set LMS_API_KEY}"

api() {
  local method=$1 path=$2
  shift 2
  curl --fail --silent --show-error -X "$method" \
    -H 'Content-Type: application/json' \
    "https://${LMS_HOST}/api/v1${path}?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}" "$@"
}

user="" first="" last="" group="" ext="" system="" action=""
while getopts "u:f:l:p:r:x:s:L" opt; do
  case $opt in
    u) user=$OPTARG ;;
    f) first=$OPTARG ;;
    l) last=$OPTARG ;;
    p) user=$OPTARG; action=forget ;;
    r) group=$OPTARG; action=remove ;;
    x) ext=$OPTARG; action=lookup ;;
    s) system=$OPTARG ;;
    L) action=list ;;
    *) sed -n '2,8p' "$0"; exit 2 ;;
  esac
done

case "${action:-update}" in
  update)
    api PUT "/users/${user}" --data "{\"firstName\":\"${first}\",\"lastName\":\"${last}\"}"
    ;;
  forget)
    api PUT "/users/${user}/pseudonymize"
    ;;
  remove)
    api DELETE "/groups/${group}/users/${user}" --data '{"deleteFromPrivateSubgroups": false}'
    ;;
  lookup)
    api GET "/users/getUserByExternalId/${ext}/${system:-Workday}"
    ;;
  list)
    curl -fsS "https://${LMS_HOST}/api/v1/users?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}&deleted=true" | jq -r '.[].mail'
    ;;
esac
