<?php
namespace Acme\Lms;

use GuzzleHttp\Client;

class LmsGateway
{
    private $client;
    private $company;
    private $apiKey;

    public function __construct(string $company, string $apiKey)
    {
        $this->company = $company;
        $this->apiKey = $apiKey;
        $this->client = new Client(['base_uri' => 'https://acme.360learning.com/api/v1/', 'timeout' => 10]);
    }

    public function updateUser(string $email, string $groupId): void
    {
        $this->client->request('PUT', "users/{$email}", [
            'json' => ['primaryGroupId' => $groupId, 'company' => $this->company, 'apiKey' => $this->apiKey],
        ]);
    }

    public function removeFromGroup(string $groupId, string $email): void
    {
        $this->client->delete('groups/' . $groupId . '/users/' . $email, [
            'form_params' => ['deleteFromPrivateSubgroups' => 'true', 'group_id' => $groupId],
        ]);
    }

    public function pseudonymizeWithCurl(string $email): void
    {
        $ch = curl_init("https://acme.360learning.com/api/v1/users/$email/pseudonymize");
        curl_setopt($ch, CURLOPT_CUSTOMREQUEST, 'PUT');
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        curl_exec($ch);
    }
}

// Laravel routes of our own admin API: not calls.
Route::put('/api/v1/users/{email}', [UserController::class, 'update']);
