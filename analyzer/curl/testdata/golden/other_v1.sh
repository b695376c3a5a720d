#!/usr/bin/env bash
# lms-admin.sh: assorted admin calls used by the service desk.
set -e
HOST=https://acme.360learning.com
AUTH="company=$COMPANY&apiKey=$API_KEY"

case "$1" in
  create)
    curl -X POST "$HOST/api/v1/users?$AUTH" \
      -H 'Content-Type: application/json' \
      --data-raw "{\"mail\": \"$2\", \"firstName\": \"$3\", \"lastName\": \"$4\"}"
    ;;
  groups)
    curl -s "$HOST/api/v1/groups?$AUTH" | jq -r '.[] | .name'
    ;;
  managers)
    sudo -u lms env HTTPS_PROXY=http://proxy:3128 curl -s \
      "$HOST/api/v1/users/$2/managers?$AUTH"
    ;;
  *)
    echo "usage: $0 create|groups|managers" >&2
    exit 2
    ;;
esac
