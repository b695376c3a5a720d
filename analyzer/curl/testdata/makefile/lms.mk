# Included by the root Makefile: tenant settings.
LMS_API = https://app.360learning.com/api/v1

courses:
	curl -s "$(LMS_API)/courses?company=$(COMPANY)&apiKey=$(LMS_API_KEY)" | jq ".[].name"
stats-%:
	curl -s "$(LMS_API)/courses/$*/stats?company=$(COMPANY)&apiKey=$(LMS_API_KEY)"
pending:
	curl -s "$(LMS_ROOT)/groups"
