<?php

declare(strict_types=1);

namespace Acme\Portal;

use GuzzleHttp\Client;
use GuzzleHttp\Exception\ClientException;

/**
 * Gateway to 360Learning API v1 for the manager portal.
 */
final class LmsGateway
{
    private Client $http;
    private array $auth;

    public function __construct(string $host, string $company, string $apiKey)
    {
        $this->http = new Client(['base_uri' => "https://{$host}", 'timeout' => 20]);
        $this->auth = ['company' => $company, 'apiKey' => $apiKey];
    }

    /** @return array<int, array<string, mixed>> */
    public function activeUsers(): array
    {
        $res = $this->http->request('GET', '/api/v1/users', [
            'query' => $this->auth + ['deleted' => 'false'],
        ]);
        return json_decode((string) $res->getBody(), true);
    }

    public function teamOf(string $managerEmail): array
    {
        $res = $this->http->get("/api/v1/users/{$managerEmail}/managers", ['query' => $this->auth]);
        return json_decode((string) $res->getBody(), true);
    }

    public function moveToGroup(string $email, string $groupId): void
    {
        $this->http->request('PUT', "/api/v1/users/{$email}", [
            'query' => $this->auth,
            'json' => ['primaryGroupId' => $groupId],
        ]);
    }

    public function removeFromGroup(string $groupId, string $email): void
    {
        try {
            $this->http->delete('/api/v1/groups/' . $groupId . '/users/' . rawurlencode($email), [
                'form_params' => $this->auth + [
                    'group_id' => $groupId,
                    'deleteFromPrivateSubgroups' => 'true',
                ],
            ]);
        } catch (ClientException $e) {
            // 404 when already removed; fine.
        }
    }

    public function byExternalId(string $externalId): ?array
    {
        $res = $this->http->get(sprintf('/api/v1/users/getUserByExternalId/%s/%s', $externalId, 'workday'), [
            'query' => $this->auth,
            'http_errors' => false,
        ]);
        return $res->getStatusCode() === 200 ? json_decode((string) $res->getBody(), true) : null;
    }
}
