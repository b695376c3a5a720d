"""Nightly leavers sync: Workday terminations -> 360Learning.

Runs from the HR integration cron (see ops/runbooks/leavers.md).
The OAuth2 token is fetched by lms_auth.get_token() since the 2025 rotation.
"""
import logging
import os

import requests

from lms_auth import get_token

LMS = "https://acme.360learning.com"
PEOPLEHUB = "https://api.peoplehub.example/v1"

log = logging.getLogger("leavers")


def pseudonymize_leaver(user_id):
    token = get_token()
    headers = {
        "Authorization": f"Bearer {token}",
        "Content-Type": "application/json",
        "360-api-version": "v2.0",
    }
    resp = requests.put(
        f"{LMS}/api/v2/users/{user_id}/pseudonymize",
        headers=headers,
        timeout=30,
    )
    resp.raise_for_status()
    log.info("pseudonymized %s", user_id)


def rename_user(user_id, first, last):
    token = get_token()
    resp = requests.patch(
        f"{LMS}/api/v2/users/{user_id}",
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json", "360-api-version": "v2.0"},
        json={
            "firstName": first,
            "lastName": last,
        },
        timeout=30,
    )
    resp.raise_for_status()


def remove_from_team(group_id, user_id):
    token = get_token()
    resp = requests.delete(
        f"{LMS}/api/v2/groups/{group_id}/learner/{user_id}",
        headers={'Authorization': 'Bearer ' + token, '360-api-version': 'v2.0'},
        timeout=30,
    )
    resp.raise_for_status()


def reset_password(user_id, password):
    # password changes move to their own v2 endpoint: left to a person
    token = get_token()
    requests.put(
        f"{LMS}/api/v1/users/{user_id}",
        headers={"Authorization": f"Bearer {token}"},
        json={"password": password},
        timeout=30,
    ).raise_for_status()


def legacy_pseudonymize(user_id):
    # still on the v1 credentials: no bearer token yet
    requests.put(
        f"{LMS}/api/v1/users/{user_id}/pseudonymize",
        params={"company": os.environ["LMS_COMPANY"], "apiKey": os.environ["LMS_API_KEY"]},
        timeout=30,
    ).raise_for_status()


def pseudonymize_by_mail(email):
    token = get_token()
    requests.put(
        f"{LMS}/api/v1/users/{email}/pseudonymize",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    ).raise_for_status()


def hub_leavers():
    # the HR hub's own API: not 360Learning
    return requests.get(f"{PEOPLEHUB}/users", params={"status": "terminated"}, timeout=30).json()


def already_migrated(user_id):
    token = get_token()
    requests.put(
        f"{LMS}/api/v2/users/{user_id}/pseudonymize",
        headers={"Authorization": f"Bearer {token}", "360-api-version": "v2.0"},
        timeout=30,
    ).raise_for_status()
