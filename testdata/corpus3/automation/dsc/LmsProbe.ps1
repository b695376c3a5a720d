Configuration LmsProbe {
    Import-DscResource -ModuleName PSDesiredStateConfiguration

    Node 'hr-sync-01' {
        Script LmsReachable {
            GetScript  = { @{ Result = 'n/a' } }
            TestScript = {
                $r = Invoke-WebRequest -UseBasicParsing -Uri "https://$using:LmsHost/api/v1/users?company=$using:Company&apiKey=$using:ApiKey"
                return $r.StatusCode -eq 200
            }
            SetScript  = { Write-Verbose 'Nothing to set; probe only.' }
        }
        # Health endpoint of our own sync service (not the LMS).
        Script SyncHealth {
            GetScript  = { @{ Result = 'n/a' } }
            TestScript = { (Invoke-WebRequest -UseBasicParsing -Uri 'http://localhost:8080/api/v1/users/health').StatusCode -eq 200 }
            SetScript  = { }
        }
    }
}
