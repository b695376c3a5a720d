# Python 2 era script, ported to 3 in 2021. Still run by hand by HRIS.
import json
import os
import urllib.parse
import urllib.request

HOST = os.environ["LMS_HOST"]
COMPANY = os.environ["LMS_COMPANY"]
KEY = os.environ["LMS_API_KEY"]


def call(method, path, query=None, body=None):
    query = dict(query or {}, company=COMPANY, apiKey=KEY)
    url = "https://%s%s?%s" % (HOST, path, urllib.parse.urlencode(query))
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as resp:
        raw = resp.read()
        return json.loads(raw) if raw else None


def main():
    users = call("GET", "/api/v1/users", {"deleted": "false"})
    for u in users:
        if u.get("primaryGroupId") == os.environ.get("OLD_GROUP"):
            call("PUT", "/api/v1/users/%s" % u["mail"], body={"primaryGroupId": os.environ["NEW_GROUP"]})
    call("DELETE", "/api/v1/groups/%s/users/%s" % (os.environ["OLD_GROUP"], "former.admin@acme.com"),
         body={"group_id": os.environ["OLD_GROUP"], "deleteFromPrivateSubgroups": False})


if __name__ == "__main__":
    main()
