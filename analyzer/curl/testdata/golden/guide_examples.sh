# Copied from the migration guides' "API v1 input example" sections while
# planning the migration.
curl --location -g --request PUT 'https://{{host}}/api/v1/users/:user_email/pseudonymize?company={{company}}&apiKey={{apiKey}}'

curl --location -g 'https://{{host}}/api/v1/users?company={{company}}&apiKey={{apiKey}}'

curl --location -g 'https://app.360learning.com/api/v1/users/getUserByExternalId/14562/BambooHR?company={{company}}&apiKey={{apiKey}}'

curl --location -g --request DELETE 'https://{{host}}/api/v1/groups/58eb608a1a92bb4fb56b31a/users/[email protected]' \
--data-urlencode 'company={{company}}' \
--data-urlencode 'apiKey={{apiKey}}'

curl --location -g --request PUT 'http://app.360learning.com/api/v1/users/5b56f4c392af558eb5f1386c?company={{company}}&apiKey={{apiKey}}' \
--header 'Content-Type: application/json' \
--data '{
    "firstName": "John"
}'
