"""Admin API mirror for local tests.

GET https://acme.360learning.com/api/v1/users is what production calls (docstring).
"""
from fastapi import APIRouter
from flask import Blueprint
from django.urls import path

bp = Blueprint("mirror", __name__)
router = APIRouter()


@bp.route("/api/v1/users/<email>", methods=["PUT", "GET"])
def mirror_user(email):
    # requests.put(f"https://acme.360learning.com/api/v1/users/{email}")  <- commented out
    return {"mail": email}


@router.delete("/api/v1/groups/{group_id}/users/{email}")
async def mirror_membership(group_id: str, email: str):
    return None


urlpatterns = [
    path("api/v1/users/<str:email>/pseudonymize", mirror_user),
]

HEALTH = "http://localhost:8000/api/v1/users"
