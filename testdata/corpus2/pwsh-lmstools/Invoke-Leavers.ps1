<#
  Nightly leaver job (Task Scheduler on OPS-01). Reads leavers from PeopleHub,
  pseudonymizes them on the LMS.
#>
Import-Module "$PSScriptRoot/LmsTools.psm1"

$hr = Invoke-RestMethod -Uri 'https://api.peoplehub.example/api/v1/users?deleted=true' -Method Get

foreach ($leaver in $hr) {
    $splat = @{
        Method = 'PUT'
        Uri    = "https://oscorp.360learning.com/api/v1/users/$($leaver.mail)/pseudonymize?company=$env:LMS_COMPANY&apiKey=$env:LMS_API_KEY"
    }
    Invoke-RestMethod @splat
    $ext = Invoke-RestMethod "https://oscorp.360learning.com/api/v1/users/getUserByExternalId/$($leaver.employeeId)/PeopleHub?company=$env:LMS_COMPANY&apiKey=$env:LMS_API_KEY"
    Write-Verbose "pseudonymized $($ext._id)"
}
