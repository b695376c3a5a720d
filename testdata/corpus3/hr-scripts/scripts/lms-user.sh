#!/usr/bin/env bash
# Helpers around the LMS with xh (HTTPie-compatible syntax).
#   scripts/lms-user.sh rename jane@acme.com Jane Doe
#   scripts/lms-user.sh password jane@acme.com 'S3cret!'
set -euo pipefail

: "${LMS_HOST:?}" "${LMS_COMPANY:?}" "${LMS_API_KEY:?}"
AUTH=(company=="$LMS_COMPANY" apiKey=="$LMS_API_KEY")

cmd=$1; shift
case "$cmd" in
  rename)
    xh PUT "https://$LMS_HOST/api/v1/users/$1" "${AUTH[@]}" firstName="$2" lastName="$3"
    ;;
  password)
    xh PUT "https://$LMS_HOST/api/v1/users/$1" "${AUTH[@]}" password="$2"
    ;;
  whois)
    xh GET "https://$LMS_HOST/api/v1/users/getUserByExternalId/$1/${2:-workday}" "${AUTH[@]}"
    ;;
  list)
    xh "https://$LMS_HOST/api/v1/users" "${AUTH[@]}" deleted==true
    ;;
  *)
    echo "unknown command: $cmd" >&2; exit 2 ;;
esac
