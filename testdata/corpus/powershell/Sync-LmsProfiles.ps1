# Nightly profile sync from the AD export (runs as a scheduled task on SRV-OPS-02).
param([string] $CsvPath = 'C:\exports\ad_users.csv')

$lms = 'https://acme.360learning.com'
$q = "company=$($env:LMS_COMPANY)&apiKey=$($env:LMS_API_KEY)"

$known = Invoke-RestMethod -Uri "$lms/api/v1/users?$q&deleted=false" -Method Get
$byMail = @{}
foreach ($u in $known) { $byMail[$u.mail] = $u }

Import-Csv $CsvPath | ForEach-Object {
    if (-not $byMail.ContainsKey($_.mail)) { return }
    $payload = @{
        firstName      = $_.givenName
        lastName       = $_.sn
        primaryGroupId = $_.lmsGroup
    } | ConvertTo-Json
    Invoke-RestMethod -Method Put -Uri "$lms/api/v1/users/$($_.mail)?$q" `
        -ContentType 'application/json' -Body $payload
}

$ext = Invoke-WebRequest -UseBasicParsing -Uri "$lms/api/v1/users/getUserByExternalId/$($env:CHECK_ID)/ad?$q"
Write-Output $ext.StatusCode
