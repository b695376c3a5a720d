"""Offboarding runbook helpers, run by the IT desk from a laptop.

Talks to the LMS (360Learning, still API v1) and to the payroll service,
which is not the LMS even though its routes look alike.
"""
import os

import requests

LMS = os.environ.get("LMS_HOST", "https://acme.360learning.com")
PAYROLL = "https://payroll.acme.internal"
CREDS = {"company": os.environ["LMS_COMPANY"], "apiKey": os.environ["LMS_API_KEY"]}


def lms(verb, path, payload=None, query=None):
    """Every LMS call goes through here."""
    return requests.request(verb, LMS + path, json=payload, params=query, timeout=20)


def leavers(include_gone=False):
    q = dict(CREDS, deleted=include_gone)
    return lms("GET", "/api/v1/users", query=q).json()


def park(mail, parking_group):
    doc = {**CREDS}
    doc["primaryGroupId"] = parking_group
    lms("PUT", "/api/v1/users/%s" % mail, payload=doc)


def drop_from_team(team_id, mail, cascade=True):
    lms("DELETE", f"/api/v1/groups/{team_id}/users/{mail}",
        payload={**CREDS, "deleteFromPrivateSubgroups": cascade})


def export_url(gone):
    return LMS + "/api/v1/users?company=acme" + ("&deleted=true" if gone else "")


def payroll_close(mail):
    # payroll's own API: same shape, other host; not ours
    requests.put(PAYROLL + "/api/v1/users/" + mail, json={"status": "closed", "password": None})


def already_migrated(uid, token):
    requests.patch(f"{LMS}/api/v2/users/{uid}", json={"firstName": "x"},
                   headers={"Authorization": f"Bearer {token}", "360-api-version": "v2.0"})
