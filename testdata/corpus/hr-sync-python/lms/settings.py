import os

LMS_BASE_URL = os.environ.get("LMS_BASE_URL", "https://acme.360learning.com")
LMS_COMPANY = os.environ["LMS_COMPANY"]
LMS_API_KEY = os.environ["LMS_API_KEY"]

PEOPLEHUB_BASE_URL = "https://api.peoplehub.example"
WORKDAY_BASE_URL = "https://hr.workday.example"
