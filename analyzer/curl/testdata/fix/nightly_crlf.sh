#!/bin/sh
# Windows-edited nightly job (CRLF line endings).
curl -s -X PUT \
  -H "Content-Type: application/json" \
  -d "{\"company\": \"acme\", \"apiKey\": \"$KEY\", \"firstName\": \"Ada\"}" \
  "https://acme.360learning.com/api/v1/users/$USER_ID"
curl -s -X PUT "https://acme.360learning.com/api/v1/users/$USER_ID/pseudonymize?company=acme&apiKey=$KEY"
