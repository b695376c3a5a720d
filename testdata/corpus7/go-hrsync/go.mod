module example.com/hrsync

go 1.22
