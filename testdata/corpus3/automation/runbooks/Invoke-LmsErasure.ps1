# Runbook: GDPR erasure for a single mailbox, triggered by a webhook.
param([object] $WebhookData)

$mail = (ConvertFrom-Json $WebhookData.RequestBody).mail
$Uri = 'https://acme.360learning.com/api/v1/users/{0}/pseudonymize?company={1}&apiKey={2}' -f $mail, $env:LMS_COMPANY, $env:LMS_API_KEY
$result = Invoke-RestMethod -Method Put -Uri $Uri
if ($result.message -ne 'user_personal_data_removed_successfully') { throw "erasure failed for $mail" }

# Already on v2 for the group cleanup:
$token = Get-AutomationVariable -Name 'LmsToken'
Invoke-RestMethod -Method Delete -Uri "https://acme.360learning.com/api/v2/groups/$($env:GROUP)/learner/$($result._id)" `
    -Headers @{ Authorization = "Bearer $token"; '360-api-version' = 'v2.0' }
