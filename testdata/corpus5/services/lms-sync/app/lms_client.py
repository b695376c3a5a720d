"""Async client for the 360Learning API used by the sync jobs."""
from __future__ import annotations

import httpx

from .settings import Settings


class LmsClient:
    def __init__(self, settings: Settings) -> None:
        self._client = httpx.AsyncClient(
            base_url=settings.lms_base_url,
            params={
                "company": settings.lms_company,
                "apiKey": settings.lms_api_key.get_secret_value(),
            },
            timeout=30.0,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def list_users(self, include_deleted: bool = False) -> list[dict]:
        r = await self._client.get("/users", params={"deleted": str(include_deleted).lower()})
        r.raise_for_status()
        return r.json()

    async def find_by_external_id(self, external_id: str, platform: str = "workday") -> dict | None:
        r = await self._client.get(f"/users/getUserByExternalId/{external_id}/{platform}")
        if r.status_code == 404:
            return None
        r.raise_for_status()
        return r.json()

    async def update_user(self, email: str, *, first_name: str, group_id: str | None = None) -> None:
        payload = {"firstName": first_name}
        if group_id:
            payload["primaryGroupId"] = group_id
        r = await self._client.put(f"/users/{email}", json=payload)
        r.raise_for_status()

    async def pseudonymize(self, email: str) -> None:
        r = await self._client.put(f"/users/{email}/pseudonymize")
        r.raise_for_status()

    async def remove_from_group(self, group_id: str, email: str) -> None:
        r = await self._client.request(
            "DELETE",
            f"/groups/{group_id}/users/{email}",
            json={"group_id": group_id, "deleteFromPrivateSubgroups": False},
        )
        r.raise_for_status()


class WorkdayClient:
    def __init__(self, settings: Settings) -> None:
        self._client = httpx.AsyncClient(base_url=settings.workday_base_url)

    async def leavers(self) -> list[dict]:
        r = await self._client.get("/users", params={"deleted": "true"})
        return r.json()["data"]

    async def update_worker(self, email: str, body: dict) -> None:
        await self._client.put(f"/users/{email}", json=body)
