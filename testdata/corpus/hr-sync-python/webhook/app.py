"""Receives PeopleHub webhooks and applies them to the LMS.

PeopleHub POSTs to /api/v1/users/<email> on this service (our route, mirroring
their naming). We then call the LMS.
"""
import os

import requests
from flask import Flask, jsonify, request

from lms import LmsClient

app = Flask(__name__)
lms = LmsClient()
LMS_HOST = os.environ.get("LMS_HOST", "acme.360learning.com")


@app.route("/api/v1/users/<email>", methods=["PUT"])
def on_user_changed(email):
    payload = request.get_json(force=True)
    lms.update_user(email, first_name=payload.get("firstName"), last_name=payload.get("lastName"))
    return jsonify(status="ok")


@app.route("/api/v1/groups/<group_id>/users/<email>", methods=["DELETE"])
def on_membership_removed(group_id, email):
    lms.remove_from_group(group_id, email)
    return "", 204


@app.post("/api/v1/users/<email>/pseudonymize")
def on_gdpr_erasure(email):
    # Direct call, kept from the first version of the webhook.
    r = requests.put(
        "https://" + LMS_HOST + "/api/v1/users/" + email + "/pseudonymize",
        params={"company": os.environ["LMS_COMPANY"], "apiKey": os.environ["LMS_API_KEY"]},
        timeout=20,
    )
    return jsonify(lms_status=r.status_code)


@app.get("/healthz")
def health():
    # The PeopleHub health check lives at https://api.peoplehub.example/api/v1/health
    ph = requests.get("https://api.peoplehub.example/api/v1/users", params={"deleted": "false"}, timeout=5)
    return jsonify(ok=True, peoplehub=ph.status_code)


if __name__ == "__main__":
    app.run(port=int(os.environ.get("PORT", "5000")))
