# Weekly sync of the LMS user list to the share (Windows PowerShell 5.1, scheduled task).
param([string]$OutFile = '\\fileserver\hr\lms-users.json')

$lms = "https://acme.360learning.com/api/v1"
$auth = "company=$env:LMS_COMPANY&apiKey=$env:LMS_API_KEY"

curl.exe -s -o $OutFile `
  "$lms/users?$auth&deleted=true"

function Set-LmsPrimaryGroup([string]$Email, [string]$GroupId) {
    $body = @{ primaryGroupId = $GroupId } | ConvertTo-Json
    Invoke-RestMethod -Method Put -Uri "$lms/users/$($Email)?$auth" -Body $body -ContentType 'application/json'
}

# Already migrated.
Invoke-RestMethod -Uri "https://acme.360learning.com/api/v2/users" -Headers @{ '360-api-version' = 'v2.0' }

function Remove-LmsLeaver([string]$Email, [string]$GroupId, [string]$WorkerId) {
    $account = Invoke-RestMethod -Uri "$lms/users/getUserByExternalId/$WorkerId/Workday?$auth"
    Invoke-RestMethod -Method Delete -Uri "$lms/groups/$GroupId/users/$($Email)" -Body @{
        company                    = $env:LMS_COMPANY
        apiKey                     = $env:LMS_API_KEY
        group_id                   = $GroupId
        deleteFromPrivateSubgroups = 'true'
    }
    Invoke-RestMethod -Method Put -Uri "$lms/users/$($account.mail)/pseudonymize?$auth"
}
