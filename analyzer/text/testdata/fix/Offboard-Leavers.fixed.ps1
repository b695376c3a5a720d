# Offboard-Leavers.ps1 - run by the service desk after HR closes a contract
param([Parameter(Mandatory)] [string]$UserId, [string]$FirstName, [string]$LastName)

$lms = "https://acme.360learning.com"
$token = Get-LmsAccessToken

$renameHeaders = @{
    Authorization = "Bearer $token"
    Accept        = "application/json"
    "360-api-version" = "v2.0"
}
$body = @{
    firstName = $FirstName
    lastName  = $LastName
}
Invoke-RestMethod -Uri "$lms/api/v2/users/$UserId" -Method Patch -Headers $renameHeaders `
    -ContentType "application/json" -Body ($body | ConvertTo-Json)

Invoke-RestMethod -Method Put -Uri "$lms/api/v2/users/$UserId/pseudonymize" -Headers @{ Authorization = "Bearer $token"; "360-api-version" = "v2.0" }

# the shared header set below is used by two calls: adding the v2 header there would change both
$shared = @{ Authorization = "Bearer $token" }
Invoke-RestMethod -Method Put -Uri "$lms/api/v1/users/$UserId/pseudonymize" -Headers $shared
Invoke-RestMethod -Method Get -Uri "https://api.peoplehub.example/v1/employees/$UserId" -Headers $shared
