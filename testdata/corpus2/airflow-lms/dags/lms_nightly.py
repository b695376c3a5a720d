"""Nightly learner export from 360Learning (connection lms_360) into the warehouse."""
import json
from datetime import datetime

from airflow import DAG
from airflow.models import Variable
from airflow.providers.http.operators.http import SimpleHttpOperator

AUTH = {"company": "{{ conn.lms_360.extra_dejson.company }}", "apiKey": "{{ var.value.lms_api_key }}"}

with DAG(
    dag_id="lms_nightly_export",
    start_date=datetime(2024, 1, 1),
    schedule="0 1 * * *",
    catchup=False,
    tags=["lms", "360learning"],
) as dag:
    export_learners = SimpleHttpOperator(
        task_id="export_learners",
        http_conn_id="lms_360",
        method="GET",
        endpoint="/api/v1/users",
        data={**AUTH, "deleted": "true"},
        response_filter=lambda r: r.json(),
        log_response=False,
    )

    resolve_ceo = SimpleHttpOperator(
        task_id="resolve_ceo",
        http_conn_id="lms_360",
        method="GET",
        endpoint="/api/v1/users/getUserByExternalId/00001/" + Variable.get("lms_platform", "Workday"),
        data=AUTH,
    )

    export_employees = SimpleHttpOperator(
        task_id="export_employees",
        http_conn_id="peoplehub",
        method="GET",
        endpoint="api/v1/employees",
        data={"deleted": "true"},
    )

    export_learners >> resolve_ceo >> export_employees
