#!/bin/bash
curl -X PUT "https://acme.360learning.com/api/v1/users/$E/pseudonymize
if [ -z "$E" ]; then
