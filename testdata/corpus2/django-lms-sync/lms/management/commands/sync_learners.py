import logging

from django.core.management.base import BaseCommand

from lms.session import LmsSession
from people.models import Employee

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Push HR changes to 360Learning (names, managers' groups, leavers)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--include-deactivated", action="store_true")

    def handle(self, *args, dry_run=False, include_deactivated=False, **options):
        lms = LmsSession()
        resp = lms.get(
            "/api/v1/users",
            params={"deleted": "true" if include_deactivated else "false"},
        )
        resp.raise_for_status()
        known = {u["mail"]: u for u in resp.json()}

        for emp in Employee.objects.changed_since_last_sync():
            if emp.work_email not in known:
                continue
            if emp.left_company:
                self._offboard(lms, emp, dry_run)
                continue
            payload = {
                "firstName": emp.first_name,
                "lastName": emp.last_name,
                "primaryGroupId": emp.department.lms_group_id,
            }
            if dry_run:
                log.info("would update %s: %s", emp.work_email, payload)
                continue
            lms.put(f"/api/v1/users/{emp.work_email}", json=payload).raise_for_status()

    def _offboard(self, lms, emp, dry_run):
        if dry_run:
            return
        for group_id in emp.department.lms_group_ids():
            lms.delete(
                f"/api/v1/groups/{group_id}/users/{emp.work_email}",
                json={"deleteFromPrivateSubgroups": True},
            ).raise_for_status()
        lms.put(f"/api/v1/users/{emp.work_email}/pseudonymize").raise_for_status()
