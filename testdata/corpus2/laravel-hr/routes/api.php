<?php

use App\Http\Controllers\DirectoryController;
use Illuminate\Support\Facades\Route;

// The portal's own API (served by us; consumed by the kiosk app).
Route::get('/api/v1/users', [DirectoryController::class, 'index']);
Route::put('/api/v1/users/{email}', [DirectoryController::class, 'update']);
Route::delete('/api/v1/groups/{group}/users/{email}', [DirectoryController::class, 'detach']);
