#!/bin/bash
# Runbook: GDPR erasure requests (support L2).
# Some of the team use HTTPie, the cron box only has wget.
LMS=acme.360learning.com
EMAIL="$1"

# 1. check the account exists (HTTPie)
http GET "https://$LMS/api/v1/users/$EMAIL" company==$LMS_COMPANY apiKey==$LMS_API_KEY

# 2. erase it
https PUT "$LMS/api/v1/users/$EMAIL/pseudonymize" company==$LMS_COMPANY apiKey==$LMS_API_KEY

# 3. reset its password before erasure on the old tenant (cron box)
wget -qO- --method=PUT \
  --header='Content-Type: application/json' \
  --body-data='{"password": "'"$(openssl rand -hex 12)"'"}' \
  "https://$LMS/api/v1/users/$EMAIL?company=$LMS_COMPANY&apiKey=$LMS_API_KEY"

# Decoys: the local test server and the ticketing API.
http :8080/api/v1/users/$EMAIL
wget --post-data "ticket=$TICKET&status=done" https://helpdesk.acme.example/api/v1/tickets
