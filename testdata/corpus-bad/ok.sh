#!/bin/bash
# A valid script beside the broken ones: it must still be scanned.
curl -sS "https://acme.360learning.com/api/v1/users/getUserByExternalId/$1/workday?company=$C&apiKey=$K"
