#!/usr/bin/env bash
# Support snippets with HTTPie (the on-call team prefers it to curl).
LMS=https://acme.360learning.com

# Pseudonymize by ID, credentials as query items.
http PUT "$LMS/api/v1/users/$USER_ID/pseudonymize" company==acme "apiKey==$LMS_API_KEY"

# Rename: JSON items, PUT becomes PATCH.
http --check-status PUT "$LMS/api/v1/users/$USER_ID" \
  company=acme \
  apiKey="$LMS_API_KEY" \
  lastName=Lovelace

# Look a Workday employee up (printed).
http "$LMS/api/v1/users/getUserByExternalId/$EMPLOYEE_ID/workday" company==acme apiKey==$LMS_API_KEY

# Saved to a file: the list's response is kept, left.
http --download "$LMS/api/v1/users" company==acme apiKey==$LMS_API_KEY

# Form mode with a field that stays: left (v2 takes JSON).
http -f PUT "$LMS/api/v1/users/$USER_ID" company=acme apiKey=$LMS_API_KEY firstName=Ada
