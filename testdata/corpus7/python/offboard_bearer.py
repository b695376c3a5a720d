"""Offboarding steps that already use the OAuth token from the platform gateway.

company/apiKey stay in the URLs until the v1 endpoints are gone.
"""
import os

import requests

LMS_HOST = "northwind.360learning.com"
LMS_COMPANY = os.environ.get("LMS_COMPANY", "")
LMS_API_KEY = os.environ.get("LMS_API_KEY", "")


def pseudonymize(user_id, token):
    resp = requests.put(
        f"https://{LMS_HOST}/api/v1/users/{user_id}/pseudonymize?company={LMS_COMPANY}&apiKey={LMS_API_KEY}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    resp.raise_for_status()


def remove_learner(group_id, user_id, token):
    resp = requests.delete(
        f"https://{LMS_HOST}/api/v1/groups/{group_id}/users/{user_id}?company={LMS_COMPANY}&apiKey={LMS_API_KEY}",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        json={"deleteFromPrivateSubgroups": False},
        timeout=30,
    )
    resp.raise_for_status()


def set_job(email, job, token):
    requests.put(
        f"https://{LMS_HOST}/api/v1/users/{email}?company={LMS_COMPANY}&apiKey={LMS_API_KEY}",
        headers={"Authorization": f"Bearer {token}"},
        json={"job": job},
        timeout=30,
    ).raise_for_status()


def lms_id_for_worker(worker_id, token):
    resp = requests.get(
        f"https://{LMS_HOST}/api/v1/users/getUserByExternalId/{worker_id}/workday?company={LMS_COMPANY}&apiKey={LMS_API_KEY}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["_id"]
