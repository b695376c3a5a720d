<?php

return [
    // 360Learning tenant for the HR portal.
    'url' => env('LMS_URL', 'https://globex.360learning.com'),
    'company' => env('LMS_COMPANY'),
    'key' => env('LMS_API_KEY'),
];
