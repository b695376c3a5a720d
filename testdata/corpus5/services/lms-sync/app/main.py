from fastapi import Depends, FastAPI

from .lms_client import LmsClient, WorkdayClient
from .settings import Settings, get_settings

app = FastAPI(title="lms-sync")


def lms(settings: Settings = Depends(get_settings)) -> LmsClient:
    return LmsClient(settings)


# Served routes of this service (called by the HR portal), not LMS calls.
@app.get("/api/v1/users")
async def list_users(client: LmsClient = Depends(lms)):
    return await client.list_users()


@app.put("/api/v1/users/{email}/pseudonymize")
async def forget(email: str, client: LmsClient = Depends(lms)):
    await client.pseudonymize(email)
    return {"status": "queued"}


@app.post("/jobs/leavers")
async def leavers_job(settings: Settings = Depends(get_settings)):
    wd, client = WorkdayClient(settings), LmsClient(settings)
    for worker in await wd.leavers():
        await client.pseudonymize(worker["email"])
    return {"done": True}
