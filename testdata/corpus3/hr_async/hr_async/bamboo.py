"""BambooHR source: its paths also start with /api/v1 but it is not the LMS."""
import aiohttp

BAMBOO = "https://api.bamboohr.example/api/v1"


async def employees(session: aiohttp.ClientSession, token: str) -> list[dict]:
    async with session.get(f"{BAMBOO}/users", params={"deleted": "false"},
                           headers={"Authorization": f"Bearer {token}"}) as resp:
        return await resp.json()


async def lms_groups_v2(session: aiohttp.ClientSession, token: str) -> list[dict]:
    # Already migrated: v2 with bearer token and version header.
    async with session.get(
        "https://acme.360learning.com/api/v2/users",
        headers={"Authorization": f"Bearer {token}", "360-api-version": "v2.0"},
    ) as resp:
        return await resp.json()
