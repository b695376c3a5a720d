<#
.SYNOPSIS
    Azure Automation runbook: deactivate leavers in 360Learning.
.NOTES
    Variables: LmsHost, LmsCompany; credential asset: LmsApiKey.
#>
param(
    [Parameter(Mandatory = $false)]
    [string] $LeaverListUrl = "https://hr.workday.example/api/v1/leavers"
)

$ErrorActionPreference = 'Stop'
$LmsHost = Get-AutomationVariable -Name 'LmsHost'
$Company = Get-AutomationVariable -Name 'LmsCompany'
$ApiKey  = (Get-AutomationPSCredential -Name 'LmsApiKey').GetNetworkCredential().Password

$Headers = @{
    'Accept'       = 'application/json'
    'Content-Type' = 'application/json'
}
$Auth = "company=$Company&apiKey=$ApiKey"

# Leavers come from Workday (also an /api/v1 path, but not the LMS).
$leavers = Invoke-RestMethod -Uri $LeaverListUrl -Headers @{ Authorization = "Bearer $env:WD_TOKEN" }

$all = Invoke-RestMethod -Method Get -Headers $Headers `
    -Uri "https://$LmsHost/api/v1/users?deleted=true&$Auth"

foreach ($leaver in $leavers) {
    $user = Invoke-RestMethod -Method Get -Headers $Headers `
        -Uri "https://$LmsHost/api/v1/users/getUserByExternalId/$($leaver.workerId)/workday?$Auth"

    $body = @{
        toDeactivateAt = (Get-Date).AddDays(1).ToString('o')
        primaryGroupId = $null
    } | ConvertTo-Json

    Invoke-RestMethod -Method Put -Headers $Headers -Body $body `
        -Uri "https://$LmsHost/api/v1/users/$($user.mail)?$Auth"

    foreach ($groupId in $leaver.lmsGroups) {
        $form = @{ company = $Company; apiKey = $ApiKey; group_id = $groupId }
        Invoke-RestMethod -Method Delete -Body $form `
            -Uri "https://$LmsHost/api/v1/groups/$groupId/users/$($user.mail)"
    }
}

Write-Output ("{0} users in LMS, {1} leavers processed" -f $all.Count, $leavers.Count)
