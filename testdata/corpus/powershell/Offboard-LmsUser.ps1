<#
.SYNOPSIS
  Removes a leaver from their LMS groups and pseudonymizes the account.
.EXAMPLE
  .\Offboard-LmsUser.ps1 -Email jane.doe@acme.com -GroupIds 5f1e0a2b3c4d5e6f7a8b9c0d
#>
param(
    [Parameter(Mandatory)] [string] $Email,
    [string[]] $GroupIds = @(),
    [string] $LmsHost = $env:LMS_HOST
)

$ErrorActionPreference = 'Stop'
$auth = @{ company = $env:LMS_COMPANY; apiKey = $env:LMS_API_KEY }

foreach ($groupId in $GroupIds) {
    $body = $auth + @{ group_id = $groupId; deleteFromPrivateSubgroups = 'true' }
    Invoke-RestMethod -Method Delete `
        -Uri "https://$LmsHost/api/v1/groups/$groupId/users/$Email" `
        -Body $body
}

$uri = "https://$LmsHost/api/v1/users/$([uri]::EscapeDataString($Email))/pseudonymize?company=$($env:LMS_COMPANY)&apiKey=$($env:LMS_API_KEY)"
$result = Invoke-RestMethod -Method Put -Uri $uri
Write-Host "LMS says: $($result.message)"

# Ticketing system (ServiceNow), not the LMS
Invoke-RestMethod -Method Post -Uri "https://acme.service-now.example/api/v1/users/$Email/close" -UseDefaultCredentials
