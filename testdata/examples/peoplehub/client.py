"""Client for PeopleHub, the HR directory. Not the LMS: its API has its own v1."""
import requests

BASE = "https://api.peoplehub.example"


def employees(token):
    r = requests.get(f"{BASE}/api/v1/users", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    r.raise_for_status()
    return r.json()
