#!/usr/bin/env python
"""GDPR purge: pseudonymize LMS accounts of people who left more than 3 years ago."""
import httplib
import os
import sys
import urllib

LMS_HOST = 'acme.360learning.com'
AUTH = urllib.urlencode({'company': os.environ['LMS_COMPANY'], 'apiKey': os.environ['LMS_API_KEY']})


def pseudonymize(email):
    conn = httplib.HTTPSConnection(LMS_HOST)
    conn.request('PUT', '/api/v1/users/%s/pseudonymize?%s' % (urllib.quote(email), AUTH))
    resp = conn.getresponse()
    return resp.status, resp.read()


def remove_from_group(group_id, email):
    conn = httplib.HTTPSConnection(LMS_HOST)
    body = urllib.urlencode({'group_id': group_id, 'company': os.environ['LMS_COMPANY'],
                             'apiKey': os.environ['LMS_API_KEY'],
                             'deleteFromPrivateSubgroups': 'true'})
    conn.request('DELETE', '/api/v1/groups/%s/users/%s' % (group_id, urllib.quote(email)), body,
                 {'Content-Type': 'application/x-www-form-urlencoded'})
    return conn.getresponse().status


def audit_log(email):
    conn = httplib.HTTPConnection('intranet.acme.internal')
    conn.request('POST', '/api/v1/users/%s/audit' % urllib.quote(email))
    return conn.getresponse().status


if __name__ == '__main__':
    for line in sys.stdin:
        pseudonymize(line.strip())
