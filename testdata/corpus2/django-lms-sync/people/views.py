"""Our own read API for the intranet; these are routes we serve, not LMS calls."""
from django.urls import path
from rest_framework.decorators import api_view
from rest_framework.response import Response

from .models import Employee


@api_view(["GET"])
def list_users(request):
    deleted = request.GET.get("deleted") == "true"
    qs = Employee.objects.filter(left_company=deleted)
    return Response([e.as_dict() for e in qs])


@api_view(["PUT"])
def update_user(request, email):
    Employee.objects.filter(work_email=email).update(**request.data)
    return Response({"status": "user_updated"})


urlpatterns = [
    path("api/v1/users", list_users),
    path("api/v1/users/<str:email>", update_user),
]
