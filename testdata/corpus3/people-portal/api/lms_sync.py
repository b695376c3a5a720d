"""The portal's upstream: the LMS, called with httpx."""
import os

import httpx

LMS = httpx.Client(
    base_url=f"https://{os.environ['LMS_HOST']}/api/v1",
    params={"company": os.environ["LMS_COMPANY"], "apiKey": os.environ["LMS_API_KEY"]},
    timeout=30,
)


def fetch_users(include_deleted=False):
    return LMS.get("/users", params={"deleted": include_deleted}).json()


def set_primary_group(mail, group_id):
    LMS.put(f"/users/{mail}", json={"primaryGroupId": group_id}).raise_for_status()


def user_groups(mail):
    return LMS.get(f"/users/{mail}/groups").json()


def leave(group_id, mail):
    LMS.request("DELETE", f"/groups/{group_id}/users/{mail}",
                data={"group_id": group_id, "deleteFromPrivateSubgroups": "false"})
