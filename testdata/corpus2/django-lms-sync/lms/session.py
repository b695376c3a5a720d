from urllib.parse import urljoin

import requests
from django.conf import settings


class LmsSession(requests.Session):
    """A requests.Session that signs every request for the 360Learning v1 API."""

    def __init__(self, root=None):
        super().__init__()
        self.root = root or settings.LMS_ROOT
        self.headers.update({"Accept": "application/json"})

    def request(self, method, url, *args, **kwargs):
        params = kwargs.pop("params", None) or {}
        params.setdefault("company", settings.LMS_COMPANY_ID)
        params.setdefault("apiKey", settings.LMS_API_KEY)
        return super().request(method, urljoin(self.root, url), *args, params=params, **kwargs)
