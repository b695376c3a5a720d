"""Nightly sync from the HR system (Workday export) to the LMS.

Looks each employee up by their Workday ID and updates their job title.
"""
import os

import requests

LMS_URL = "https://acme.360learning.com"
AUTH = {"company": os.environ["LMS_COMPANY"], "apiKey": os.environ["LMS_API_KEY"]}


def find_user(workday_id):
    r = requests.get(
        f"{LMS_URL}/api/v1/users/getUserByExternalId/{workday_id}/workday",
        params=AUTH,
        timeout=30,
    )
    r.raise_for_status()
    user = r.json()
    return user["mail"], user["primaryGroupId"]


def update_title(email, title):
    r = requests.put(
        f"{LMS_URL}/api/v1/users/{email}",
        params=AUTH,
        json={"jobTitle": title},
        timeout=30,
    )
    r.raise_for_status()


def sync(rows):
    for row in rows:
        email, _ = find_user(row["worker_id"])
        update_title(email, row["job_title"])
