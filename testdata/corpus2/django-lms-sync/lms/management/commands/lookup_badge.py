from django.core.management.base import BaseCommand, CommandError

from lms.session import LmsSession


class Command(BaseCommand):
    help = "Print the 360Learning learner bound to a badge number (Kronos ID)."

    def add_arguments(self, parser):
        parser.add_argument("badge")

    def handle(self, badge, **options):
        lms = LmsSession()
        r = lms.get("/api/v1/users/getUserByExternalId/%s/Kronos" % badge)
        if r.status_code == 404:
            raise CommandError(f"no learner for badge {badge}")
        self.stdout.write(r.json()["mail"])
