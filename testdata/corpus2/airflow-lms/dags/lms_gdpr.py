"""Weekly GDPR erasure: pseudonymize the learners listed by Legal."""
from datetime import datetime

from airflow.decorators import dag, task
from airflow.providers.http.hooks.http import HttpHook


@dag(schedule="@weekly", start_date=datetime(2024, 1, 1), catchup=False)
def lms_gdpr():
    @task
    def erase(emails: list[str]):
        hook = HttpHook(method="PUT", http_conn_id="lms_360")
        extra = hook.get_connection("lms_360").extra_dejson
        for email in emails:
            hook.run(
                endpoint=f"/api/v1/users/{email}/pseudonymize",
                data={"company": extra["company"], "apiKey": extra["api_key"]},
            )

    erase(["former.employee@wayne.example"])


lms_gdpr()
