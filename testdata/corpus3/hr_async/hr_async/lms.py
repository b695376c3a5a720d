"""Async 360Learning client used by the nightly HR sync."""
import asyncio
import os
from urllib.parse import quote

import aiohttp

LMS_ROOT = os.environ.get("LMS_ROOT", "https://acme.360learning.com")
CREDS = {"company": os.environ["LMS_COMPANY"], "apiKey": os.environ["LMS_API_KEY"]}


class LmsClient:
    def __init__(self) -> None:
        self._session = aiohttp.ClientSession(base_url=LMS_ROOT)

    async def close(self) -> None:
        await self._session.close()

    async def all_users(self, include_deleted: bool = False) -> list[dict]:
        params = {**CREDS, "deleted": str(include_deleted).lower()}
        async with self._session.get("/api/v1/users", params=params) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def by_external_id(self, external_id: str, platform: str = "SuccessFactors") -> dict:
        async with self._session.get(
            f"/api/v1/users/getUserByExternalId/{quote(external_id)}/{platform}",
            params=CREDS,
        ) as resp:
            return await resp.json()

    async def reset_password(self, mail: str, new_password: str) -> None:
        async with self._session.put(
            f"/api/v1/users/{quote(mail)}",
            params=CREDS,
            json={"password": new_password},
        ) as resp:
            resp.raise_for_status()

    async def leave_group(self, group_id: str, mail: str) -> None:
        async with self._session.delete(
            f"/api/v1/groups/{group_id}/users/{quote(mail)}",
            data={**CREDS, "deleteFromPrivateSubgroups": "false"},
        ) as resp:
            resp.raise_for_status()

    async def erase(self, mail: str) -> str:
        url = f"/api/v1/users/{quote(mail)}/pseudonymize"
        async with self._session.put(url, params=CREDS) as resp:
            body = await resp.json()
            return body["message"]

    async def profile(self, mail: str) -> dict:
        async with self._session.get(f"/api/v1/users/{quote(mail)}", params=CREDS) as resp:
            return await resp.json()


async def main() -> None:
    lms = LmsClient()
    try:
        users = await lms.all_users()
        await asyncio.gather(*(lms.by_external_id(u["mail"]) for u in users[:10]))
    finally:
        await lms.close()


if __name__ == "__main__":
    asyncio.run(main())
