"""Thin client for the 360Learning LMS, used by the HR sync (HRIS-52).

The platform team gave us an OAuth token for the newer endpoints; the older ones still
need company + apiKey, so both are passed around for now.
"""
import os

import requests

LMS_BASE = os.environ.get("LMS_BASE", "https://acme.360learning.com")
TIMEOUT = 30


class LmsClient:
    def __init__(self, company, api_key, token):
        self.company = company
        self.api_key = api_key
        self.token = token
        self.session = requests.Session()

    def update_user(self, user_id, fields):
        """Edit profile fields (job, organization, names) of one user by LMS ID."""
        resp = self.session.put(
            f"{LMS_BASE}/api/v1/users/{user_id}?company={self.company}&apiKey={self.api_key}",
            json=fields,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
            timeout=TIMEOUT,
        )
        resp.raise_for_status()

    def pseudonymize(self, user_id):
        resp = requests.put(
            f"{LMS_BASE}/api/v1/users/{user_id}/pseudonymize",
            params={"company": self.company, "apiKey": self.api_key},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=TIMEOUT,
        )
        resp.raise_for_status()

    def all_users(self):
        resp = self.session.get(
            f"{LMS_BASE}/api/v1/users",
            params={"company": self.company, "apiKey": self.api_key, "deleted": "false"},
            timeout=TIMEOUT,
        )
        resp.raise_for_status()
        return {u["mail"]: u["_id"] for u in resp.json()}

    def find_by_workday_id(self, workday_id):
        resp = self.session.get(
            f"{LMS_BASE}/api/v1/users/getUserByExternalId/{workday_id}/workday",
            params={"company": self.company, "apiKey": self.api_key},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=TIMEOUT,
        )
        resp.raise_for_status()
        return resp.json()["_id"]

    def set_primary_group(self, user_id, group_id):
        resp = self.session.put(
            f"{LMS_BASE}/api/v1/users/{user_id}",
            params={"company": self.company, "apiKey": self.api_key},
            json={"primaryGroupId": group_id},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=TIMEOUT,
        )
        resp.raise_for_status()


def peoplehub_employee(employee_id):
    """PeopleHub is our HRIS; its API is also on /api/v1 (not the LMS)."""
    resp = requests.get(
        f"https://api.peoplehub.example/api/v1/employees/{employee_id}",
        headers={"Authorization": f"Bearer {os.environ['PEOPLEHUB_TOKEN']}"},
        timeout=TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()
