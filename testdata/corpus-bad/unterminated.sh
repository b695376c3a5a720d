#!/bin/bash
# Half-finished edit left in the repo: the quote after pseudonymize is never closed.
for email in $(cat leavers.txt); do
  curl -X PUT "https://acme.360learning.com/api/v1/users/$email/pseudonymize?company=$C&apiKey=$K
done
