#!/bin/sh
# Liveness probes used by the on-call dashboard. None of these touch the LMS.
curl -fsS http://localhost:8080/api/v1/users >/dev/null || echo "portal API down"
curl -fsS "https://api.peoplehub.example/api/v1/users?deleted=false&limit=1" >/dev/null || echo "PeopleHub down"
curl -fsS -H "360-api-version: v2.0" -H "Authorization: Bearer ${LMS_TOKEN}" \
  "https://initech.360learning.com/api/v2/users?limit=1" >/dev/null || echo "LMS v2 down"
