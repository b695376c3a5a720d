#Requires -Version 7.0
<#
.SYNOPSIS
    Helpdesk cmdlets for the 360Learning tenant (v1 API).
#>

$script:LmsRoot = if ($env:LMS_ROOT) { $env:LMS_ROOT } else { 'https://oscorp.360learning.com' }

function Get-LmsAuth {
    @{ company = $env:LMS_COMPANY; apiKey = $env:LMS_API_KEY }
}

function Get-LmsLearner {
    [CmdletBinding()]
    param([switch]$IncludeDeleted)

    $query = Get-LmsAuth
    if ($IncludeDeleted) { $query.deleted = 'true' }
    $params = @{
        Uri    = "$script:LmsRoot/api/v1/users"
        Method = 'Get'
        Body   = $query
    }
    Invoke-RestMethod @params
}

function Set-LmsLearnerPassword {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)][string]$Email,
        [Parameter(Mandatory)][securestring]$Password
    )
    $auth = Get-LmsAuth
    $plain = ConvertFrom-SecureString -SecureString $Password -AsPlainText
    $request = @{
        Uri         = "$script:LmsRoot/api/v1/users/$Email`?company=$($auth.company)&apiKey=$($auth.apiKey)"
        Method      = 'Put'
        ContentType = 'application/json'
        Body        = @{ password = $plain } | ConvertTo-Json
    }
    if ($PSCmdlet.ShouldProcess($Email, 'reset password')) {
        Invoke-WebRequest @request | Out-Null
    }
}

function Remove-LmsLearnerFromGroup {
    param([string]$GroupId, [string]$Email)
    $auth = Get-LmsAuth
    $body = @{
        company                    = $auth.company
        apiKey                     = $auth.apiKey
        group_id                   = $GroupId
        deleteFromPrivateSubgroups = $true
    } | ConvertTo-Json
    Invoke-WebRequest -Method Delete -Uri "$script:LmsRoot/api/v1/groups/$GroupId/users/$Email" `
        -ContentType 'application/json' -Body $body
}

function Get-LmsCourse {
    $auth = Get-LmsAuth
    Invoke-RestMethod -Uri "$script:LmsRoot/api/v1/courses?company=$($auth.company)&apiKey=$($auth.apiKey)"
}

Export-ModuleMember -Function Get-LmsLearner, Set-LmsLearnerPassword, Remove-LmsLearnerFromGroup, Get-LmsCourse
