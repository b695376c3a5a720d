"""Small aiohttp server the HR portal calls; these are OUR routes, not calls."""
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/api/v1/users")
async def list_users(request: web.Request) -> web.Response:
    return web.json_response([])


@routes.put("/api/v1/users/{email}")
async def update_user(request: web.Request) -> web.Response:
    return web.json_response({"status": "user_updated"})


app = web.Application()
app.add_routes(routes)
app.router.add_delete("/api/v1/groups/{group_id}/users/{email}", lambda r: web.Response(status=204))
