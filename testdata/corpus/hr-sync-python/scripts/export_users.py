"""Dump LMS users to CSV for the quarterly access review."""
import csv
import os

import requests

BASE = "https://acme.360learning.com/api/v1"
params = {
    "company": os.environ["LMS_COMPANY"],
    "apiKey": os.environ["LMS_API_KEY"],
    "deleted": "true",
}

users = requests.get(BASE + "/users", params=params).json()
with open("lms_users.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["_id", "mail", "firstName", "lastName", "primaryGroupId"])
    w.writeheader()
    for u in users:
        w.writerow({k: u.get(k, "") for k in w.fieldnames})

# Also the v2 count, to compare during the migration.
v2 = requests.get("https://acme.360learning.com/api/v2/users",
                  headers={"360-api-version": "v2.0", "Authorization": "Bearer " + os.environ["LMS_V2_TOKEN"]})
print(len(users), len(v2.json()))
