<#
  Offboarding: pseudonymize leavers in 360Learning.
  Old endpoint: https://acme.360learning.com/api/v1/users/{email}/pseudonymize
#>
param(
    [string]$BaseUri = "https://acme.360learning.com/api/v1",
    [string]$Company = $env:LMS_COMPANY,
    [string]$ApiKey = $env:LMS_API_KEY
)

$leavers = Import-Csv -Path .\leavers.csv
foreach ($leaver in $leavers) {
    # pseudonymize the user
    Invoke-RestMethod -Uri "$BaseUri/users/$($leaver.Email)/pseudonymize" -Method Put `
        -Body (@{ company = $Company; apiKey = $ApiKey } | ConvertTo-Json) -ContentType 'application/json'

    Invoke-RestMethod -Method Delete -Uri "$BaseUri/groups/$($leaver.GroupId)/users/$($leaver.Email)" -Body @{ deleteFromPrivateSubgroups = 'true' }
}

$all = Invoke-RestMethod -Uri "$BaseUri/users" -Body @{ company = $Company; apiKey = $ApiKey; deleted = 'true' }

$params = @{
    Uri    = "https://hr.peoplehub.example/api/v1/users"
    Method = 'Get'
}
Invoke-RestMethod @params
