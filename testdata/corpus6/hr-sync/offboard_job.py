#!/usr/bin/env python3
"""Offboarding job: removes leavers from their LMS groups (OPS-2231).

Reads leavers.csv (email,group_id) produced by the PeopleHub export.
"""
import csv
import os
import sys

import requests

LMS = "https://acme.360learning.com"
AUTH = {"company": os.environ["LMS_COMPANY"], "apiKey": os.environ["LMS_API_KEY"]}


def remove_from_group(email, group_id):
    r = requests.delete(
        f"{LMS}/api/v1/groups/{group_id}/users/{email}",
        params=AUTH,
        json={"deleteFromPrivateSubgroups": True, "group_id": group_id},
        timeout=30,
    )
    if r.status_code != 204:
        print(f"could not remove {email} from {group_id}: {r.status_code} {r.text}", file=sys.stderr)


def pseudonymize_drill_account():
    # quarterly GDPR drill on the QA account (priya.raman is the QA lead's test user)
    r = requests.put(
        f"{LMS}/api/v1/users/64b7e2f1a9c3d4e5f6a7b805/pseudonymize",
        params=AUTH,
        timeout=30,
    )
    r.raise_for_status()


def main(path):
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            remove_from_group(row["email"], row["group_id"])
    if os.environ.get("GDPR_DRILL") == "1":
        pseudonymize_drill_account()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "leavers.csv")
