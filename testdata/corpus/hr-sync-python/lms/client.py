import logging
from urllib.parse import quote

import requests
from tenacity import retry, stop_after_attempt, wait_exponential

from . import settings

log = logging.getLogger(__name__)


class LmsClient:
    """360Learning v1. Every request carries company + apiKey."""

    def __init__(self, base_url=settings.LMS_BASE_URL, company=settings.LMS_COMPANY,
                 api_key=settings.LMS_API_KEY):
        self.base_url = base_url.rstrip("/")
        self.auth = {"company": company, "apiKey": api_key}
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"

    @retry(stop=stop_after_attempt(3), wait=wait_exponential(min=1, max=20))
    def list_users(self, include_deleted=False):
        resp = self.session.get(
            f"{self.base_url}/api/v1/users",
            params={**self.auth, "deleted": str(include_deleted).lower()},
            timeout=60,
        )
        resp.raise_for_status()
        return resp.json()

    def user_by_external_id(self, external_id, platform="workday"):
        url = "%s/api/v1/users/getUserByExternalId/%s/%s" % (self.base_url, quote(external_id), platform)
        resp = self.session.get(url, params=self.auth, timeout=30)
        if resp.status_code == 404:
            return None
        resp.raise_for_status()
        return resp.json()

    def update_user(self, email, first_name=None, last_name=None, primary_group_id=None):
        body = {}
        if first_name:
            body["firstName"] = first_name
        if last_name:
            body["lastName"] = last_name
        if primary_group_id:
            body["primaryGroupId"] = primary_group_id
        resp = self.session.put(f"{self.base_url}/api/v1/users/{email}", params=self.auth, json=body)
        if resp.status_code == 400 and resp.json().get("error") == "user_not_found":
            log.warning("LMS does not know %s", email)
            return False
        resp.raise_for_status()
        return True

    def reset_password(self, email, new_password):
        return self.session.put(
            "{}/api/v1/users/{}".format(self.base_url, email),
            params=self.auth,
            json={"password": new_password},
        )

    def remove_from_group(self, group_id, email, private_subgroups=True):
        resp = requests.delete(
            self.base_url + "/api/v1/groups/" + group_id + "/users/" + quote(email),
            data={
                **self.auth,
                "group_id": group_id,
                "deleteFromPrivateSubgroups": "true" if private_subgroups else "false",
            },
        )
        resp.raise_for_status()

    def pseudonymize(self, email):
        # v1: PUT /api/v1/users/<email>/pseudonymize -> {"message": "..."}
        resp = self.session.put(f"{self.base_url}/api/v1/users/{quote(email)}/pseudonymize", params=self.auth)
        resp.raise_for_status()
        return resp.json()["message"]

    def create_user(self, mail, first_name, last_name):
        return self.session.post(f"{self.base_url}/api/v1/users", data={**self.auth, "mail": mail,
                                 "firstName": first_name, "lastName": last_name})

    def courses(self):
        return self.session.get(self.base_url + "/api/v1/courses", params=self.auth).json()
