<?php

declare(strict_types=1);

namespace App\Lms;

use Symfony\Component\HttpClient\HttpClient;
use Symfony\Component\HttpClient\ScopingHttpClient;
use Symfony\Contracts\HttpClient\HttpClientInterface;

/**
 * Gateway to the 360Learning v1 API (tenant acme).
 */
final class LmsGateway
{
    private HttpClientInterface $client;

    public function __construct(
        private readonly string $company,
        private readonly string $apiKey,
        ?HttpClientInterface $client = null,
    ) {
        $this->client = ScopingHttpClient::forBaseUri(
            $client ?? HttpClient::create(),
            'https://acme.360learning.com/',
        );
    }

    private function auth(): array
    {
        return ['company' => $this->company, 'apiKey' => $this->apiKey];
    }

    /** @return array<int, array<string, mixed>> */
    public function users(bool $withDeleted): array
    {
        return $this->client->request('GET', 'api/v1/users', [
            'query' => $this->auth() + ['deleted' => $withDeleted ? 'true' : 'false'],
        ])->toArray();
    }

    public function changePassword(string $email, string $password): void
    {
        $this->client->request('PUT', 'api/v1/users/' . rawurlencode($email), [
            'query' => $this->auth(),
            'json' => ['password' => $password],
        ]);
    }

    public function removeFromGroup(string $groupId, string $email): void
    {
        $this->client->request('DELETE', sprintf('api/v1/groups/%s/users/%s', $groupId, rawurlencode($email)), [
            'body' => $this->auth() + ['deleteFromPrivateSubgroups' => 'true'],
        ]);
    }

    public function findByBadge(string $badge): array
    {
        return $this->client->request('GET', "api/v1/users/getUserByExternalId/{$badge}/badge-system", [
            'query' => $this->auth(),
        ])->toArray();
    }

    public function anonymise(string $email): void
    {
        $this->client->request('PUT', "api/v1/users/{$email}/pseudonymize", ['query' => $this->auth()]);
    }
}
