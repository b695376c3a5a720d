# Read-only lookups used to build the SSO group mappings.
variable "lms_company" { type = string }
variable "lms_api_key" {
  type      = string
  sensitive = true
}

locals {
  lms_root = "https://acme.360learning.com/api/v1"
}

data "http" "lms_users" {
  url = "https://acme.360learning.com/api/v1/users?company=${var.lms_company}&apiKey=${var.lms_api_key}"
  request_headers = {
    Accept = "application/json"
  }
}

data "http" "lms_deleted_users" {
  url = "${local.lms_root}/users?deleted=true&company=${var.lms_company}&apiKey=${var.lms_api_key}"
}

data "http" "lms_groups" {
  url = "${local.lms_root}/groups?company=${var.lms_company}&apiKey=${var.lms_api_key}"
}

data "http" "svc_account" {
  url    = "https://acme.360learning.com/api/v1/users/getUserByExternalId/svc-terraform/okta?company=${var.lms_company}&apiKey=${var.lms_api_key}"
}

# Workday tenant (other vendor, also /api/v1)
data "http" "workday_orgs" {
  url = "https://hr.workday.example/api/v1/users?deleted=false"
}

output "lms_user_count" {
  value = length(jsondecode(data.http.lms_users.response_body))
}
