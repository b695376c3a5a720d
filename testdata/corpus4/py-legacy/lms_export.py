#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Nightly export of LMS accounts to the data warehouse (Python 2.7, do not upgrade)."""
import json
import os
import urllib
import urllib2

LMS_HOST = os.environ.get('LMS_HOST', 'acme.360learning.com')
BASE = 'https://' + LMS_HOST + '/api/v1'
AUTH = {'company': os.environ['LMS_COMPANY'], 'apiKey': os.environ['LMS_API_KEY']}


def list_users(include_deleted=False):
    params = dict(AUTH)
    params['deleted'] = 'true' if include_deleted else 'false'
    url = BASE + '/users?' + urllib.urlencode(params)
    return json.load(urllib2.urlopen(url))


def user_by_worker_id(worker_id, platform='Workday'):
    url = '%s/users/getUserByExternalId/%s/%s?%s' % (BASE, worker_id, platform, urllib.urlencode(AUTH))
    return json.load(urllib2.urlopen(url))


def set_primary_group(email, group_id):
    req = urllib2.Request(BASE + '/users/' + urllib.quote(email) + '?' + urllib.urlencode(AUTH),
                          data=json.dumps({'primaryGroupId': group_id}),
                          headers={'Content-Type': 'application/json'})
    req.get_method = lambda: 'PUT'
    return urllib2.urlopen(req).read()


def workday_leavers():
    # Workday's own REST facade, not the LMS.
    url = 'https://hr.workday.example/api/v1/users?' + urllib.urlencode({'deleted': 'true'})
    return json.load(urllib2.urlopen(url))


def remove_from_group(group_id, email):
    data = urllib.urlencode(dict(AUTH, group_id=group_id, deleteFromPrivateSubgroups='true'))
    req = urllib2.Request('%s/groups/%s/users/%s' % (BASE, group_id, urllib.quote(email)), data=data)
    req.get_method = lambda: 'DELETE'
    return urllib2.urlopen(req).read()


def pseudonymize(email):
    req = urllib2.Request('%s/users/%s/pseudonymize?%s' % (BASE, urllib.quote(email), urllib.urlencode(AUTH)), data='')
    req.get_method = lambda: 'PUT'
    return urllib2.urlopen(req).read()


if __name__ == '__main__':
    print json.dumps(list_users(include_deleted=True))
