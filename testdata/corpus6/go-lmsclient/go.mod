module example.com/acme/lmsclient

go 1.22
