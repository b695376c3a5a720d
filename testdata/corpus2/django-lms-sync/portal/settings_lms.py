"""LMS integration settings, imported by portal.settings."""
import os

# 360Learning tenant used by the nightly learner sync.
LMS_ROOT = os.environ.get("LMS_ROOT", "https://northwind.360learning.com")
LMS_COMPANY_ID = os.environ["LMS_COMPANY_ID"]
LMS_API_KEY = os.environ["LMS_API_KEY"]

# Our own HR directory (not the LMS).
DIRECTORY_ROOT = "https://hr.workday.example/api/v1"
