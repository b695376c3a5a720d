<?php
// Intranet portal: LMS account maintenance (PHP 5.6, do not use short array syntax here).
define('LMS_BASE', 'https://acme.360learning.com/api/v1');
$company = getenv('LMS_COMPANY');
$apiKey = getenv('LMS_API_KEY');

function lms_request($method, $url, $fields = null)
{
    $ch = curl_init();
    curl_setopt($ch, CURLOPT_URL, $url);
    curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $method);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    if ($fields !== null) {
        curl_setopt($ch, CURLOPT_POSTFIELDS, $fields);
    }
    $out = curl_exec($ch);
    curl_close($ch);
    return $out;
}

function lms_remove_from_group($groupId, $email)
{
    global $company, $apiKey;
    $ch = curl_init();
    curl_setopt($ch, CURLOPT_URL, sprintf('%s/groups/%s/users/%s', LMS_BASE, $groupId, urlencode($email)));
    curl_setopt($ch, CURLOPT_CUSTOMREQUEST, 'DELETE');
    curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query(array(
        'company' => $company,
        'apiKey' => $apiKey,
        'deleteFromPrivateSubgroups' => 'true',
    )));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $out = curl_exec($ch);
    curl_close($ch);
    return $out;
}

function lms_set_password($email, $password)
{
    global $company, $apiKey;
    return lms_request('PUT', sprintf('%s/users/%s?company=%s&apiKey=%s', LMS_BASE, urlencode($email), $company, $apiKey),
        json_encode(array('password' => $password)));
}

function lms_all_users()
{
    global $company, $apiKey;
    $query = http_build_query(array('company' => $company, 'apiKey' => $apiKey, 'deleted' => 'true'));
    return json_decode(lms_request('GET', LMS_BASE . '/users?' . $query), true);
}

function lms_user($email)
{
    global $company, $apiKey;
    return json_decode(lms_request('GET', sprintf('%s/users/%s?company=%s&apiKey=%s', LMS_BASE, urlencode($email), $company, $apiKey)), true);
}

function hub_worker($id)
{
    $ch = curl_init();
    curl_setopt($ch, CURLOPT_URL, sprintf('https://api.peoplehub.example/api/v1/users/%s', $id));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    return curl_exec($ch);
}
