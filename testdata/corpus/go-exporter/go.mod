module example.com/acme/lms-exporter

go 1.22
