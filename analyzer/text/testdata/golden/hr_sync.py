"""HR sync: pushes Workday changes to 360Learning.

Docs: https://acme.360learning.com/api/v1/users/{email} (docstring, not a call)
"""
import os
import requests
from flask import Flask, request

LMS_BASE_URL = os.environ.get("LMS_BASE_URL", "https://acme.360learning.com/api/v1")
PEOPLEHUB = "https://api.peoplehub.example/v1"
COMPANY = os.environ["LMS_COMPANY"]
API_KEY = os.environ["LMS_API_KEY"]

app = Flask(__name__)
session = requests.Session()


def update_user(email, group_id, new_password=None):
    payload = {"primaryGroupId": group_id, "company": COMPANY, "apiKey": API_KEY}
    if new_password:
        payload["password"] = new_password
    r = session.put(f"{LMS_BASE_URL}/users/{email}", json=payload, timeout=30)
    r.raise_for_status()


def list_users():
    url = "%s/users" % LMS_BASE_URL
    resp = requests.get(url, params={"deleted": "true", "company": COMPANY, "apiKey": API_KEY})
    return resp.json()


def remove_from_group(group_id, email):
    requests.delete(
        LMS_BASE_URL + "/groups/" + group_id + "/users/" + email,
        data={"deleteFromPrivateSubgroups": "true", "company": COMPANY, "apiKey": API_KEY},
    )


def pseudonymize(email):
    endpoint = "{}/users/{}/pseudonymize".format(LMS_BASE_URL, email)
    return requests.request("PUT", endpoint, data={"company": COMPANY, "apiKey": API_KEY})


def peoplehub_users():
    # Not ours: another host.
    return requests.get(f"{PEOPLEHUB}/users", timeout=10).json()


@app.route("/api/v1/users/<email>", methods=["PUT"])
def receive_user(email):
    return "", 204


@app.put("/api/v1/groups/<group_id>/users/<email>")
def receive_membership(group_id, email):
    return "", 204
