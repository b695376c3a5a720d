#!/bin/sh
# Weekly group membership report for the L&D team.
HOST=${LMS_HOST:-acme.360learning.com}
AUTH="company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}"

curl -s "https://$HOST/api/v1/groups?$AUTH" > groups.json

for gid in $(jq -r '.[]._id' groups.json); do
  curl -s "https://$HOST/api/v1/groups/$gid/users?$AUTH" > "members-$gid.json"
done

# Programs and courses, for the catalogue page
curl -s "https://$HOST/api/v1/programs?$AUTH" > programs.json
curl -s "https://$HOST/api/v1/courses?$AUTH" > courses.json

# The intranet's own group API (decoy for anyone grepping for api/v1/groups)
curl -s "http://intranet.acme.internal/api/v1/groups" > intranet-groups.json
