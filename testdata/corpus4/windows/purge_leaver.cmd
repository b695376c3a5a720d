@echo off
REM Purge one leaver from the LMS. Usage: purge_leaver.cmd EMAIL GROUP_ID
REM Old doc: https://app.360learning.com/api/v1/docs
setlocal
set LMS=https://acme.360learning.com/api/v1

curl.exe -s -X DELETE ^
  "%LMS%/groups/%2/users/%1?company=%LMS_COMPANY%&apiKey=%LMS_API_KEY%"

curl.exe -s -X PUT ^
  "%LMS%/users/%1/pseudonymize?company=%LMS_COMPANY%&apiKey=%LMS_API_KEY%"

curl.exe -s -X POST ^
  "https://intranet.acme.internal/api/v1/users/%1/closed"
endlocal
