<?php

namespace App\Jobs;

use App\Models\Employee;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Support\Facades\Http;

class SyncLmsUsers implements ShouldQueue
{
    use Dispatchable, Queueable;

    public function handle(): void
    {
        $lms = Http::baseUrl(config('lms.url'))
            ->withQueryParameters([
                'company' => config('lms.company'),
                'apiKey' => config('lms.key'),
            ])
            ->acceptJson();

        $learners = $lms->withQueryParameters(['deleted' => 'false'])
            ->get('/api/v1/users')
            ->throw()
            ->json();

        foreach (Employee::dirty()->get() as $employee) {
            $lms->put('/api/v1/users/' . urlencode($employee->email), [
                'lastName' => $employee->last_name,
                'primaryGroupId' => $employee->team?->lms_group_id,
            ])->throw();
        }

        foreach (Employee::leavers()->get() as $leaver) {
            $lms->delete("/api/v1/groups/{$leaver->team->lms_group_id}/users/{$leaver->email}", [
                'group_id' => $leaver->team->lms_group_id,
                'deleteFromPrivateSubgroups' => true,
            ]);
        }
    }
}
