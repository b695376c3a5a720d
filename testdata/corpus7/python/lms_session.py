"""Nightly LMS reconciliation (store-staff titles).

Still on the v1 apiKey: the session carries the credentials as query parameters.
"""
import os

import requests

LMS_BASE = os.environ.get("LMS_BASE", "https://northwind.360learning.com")


class LmsSession:
    def __init__(self, company, api_key, base=LMS_BASE):
        self.base = base.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update(
            {
                "Accept": "application/json",
                "User-Agent": "northwind-lms-reconcile/2.3",
            }
        )
        self.session.params = {"company": company, "apiKey": api_key}

    def all_users(self):
        resp = self.session.get(f"{self.base}/api/v1/users", timeout=60)
        resp.raise_for_status()
        return {u["mail"]: u["_id"] for u in resp.json()}

    def reset_account(self, user_id, temp_password):
        resp = self.session.put(
            f"{self.base}/api/v1/users/{user_id}",
            json={"password": temp_password, "job": "Store associate"},
            timeout=30,
        )
        resp.raise_for_status()

    def forget(self, user_id):
        self.session.put(f"{self.base}/api/v1/users/{user_id}/pseudonymize", timeout=30).raise_for_status()


if __name__ == "__main__":
    lms = LmsSession(os.environ["LMS_COMPANY"], os.environ["LMS_API_KEY"])
    print(len(lms.all_users()))
