#!/usr/bin/env python3
"""Pseudonymize every LMS account whose Workday record is terminated.

Run monthly by the DPO. Reads terminated workers from Workday, maps them to LMS
users by external ID and pseudonymizes them.
"""
import csv
import os
import sys

import requests

HOST = os.environ.get("LMS_HOST", "acme.360learning.com")
AUTH = {"company": os.environ["LMS_COMPANY"], "apiKey": os.environ["LMS_API_KEY"]}
WORKDAY = "https://hr.workday.example/api/v1"


def terminated_workers():
    r = requests.get(WORKDAY + "/workers", params={"status": "terminated", "deleted": "true"})
    r.raise_for_status()
    return r.json()


def main(dry_run=False):
    writer = csv.writer(sys.stdout)
    for worker in terminated_workers():
        r = requests.get(
            "https://%s/api/v1/users/getUserByExternalId/%s/workday" % (HOST, worker["id"]),
            params=AUTH,
        )
        if r.status_code != 200:
            continue
        mail = r.json()["mail"]
        writer.writerow([worker["id"], mail])
        if dry_run:
            continue
        requests.put(f"https://{HOST}/api/v1/users/{mail}/pseudonymize", params=AUTH).raise_for_status()


if __name__ == "__main__":
    main(dry_run="--dry-run" in sys.argv)
