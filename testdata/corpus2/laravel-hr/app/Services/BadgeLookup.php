<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

final class BadgeLookup
{
    public function learnerFor(string $badge): ?array
    {
        $response = Http::withQueryParameters([
            'company' => config('lms.company'),
            'apiKey' => config('lms.key'),
        ])->get(config('lms.url') . "/api/v1/users/getUserByExternalId/{$badge}/SAP");

        return $response->successful() ? $response->json() : null;
    }

    public function employeeFor(string $badge): ?array
    {
        // HR master data lives in PeopleHub, not in the LMS.
        return Http::get("https://api.peoplehub.example/api/v1/users/getUserByExternalId/{$badge}/SAP")->json();
    }
}
