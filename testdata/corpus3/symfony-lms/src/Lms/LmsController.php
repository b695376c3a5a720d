<?php

namespace App\Lms;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\Routing\Attribute\Route;

/** Our intranet exposes a read-only mirror; these routes are served, not called. */
final class LmsController extends AbstractController
{
    #[Route('/api/v1/users', name: 'mirror_users', methods: ['GET'])]
    public function users(LmsGateway $lms): JsonResponse
    {
        return $this->json($lms->users(false));
    }

    #[Route('/api/v1/users/{email}/pseudonymize', name: 'mirror_forget', methods: ['PUT'])]
    public function forget(string $email, LmsGateway $lms): JsonResponse
    {
        $lms->anonymise($email);
        return $this->json(['ok' => true]);
    }
}
