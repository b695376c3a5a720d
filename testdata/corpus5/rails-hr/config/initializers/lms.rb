# Connection to the 360Learning LMS, shared by the Lms:: service objects.
LMS_CONNECTION = Faraday.new(
  url: ENV.fetch("LMS_BASE_URL", "https://acme.360learning.com/api/v1/"),
  params: { company: ENV.fetch("LMS_COMPANY"), apiKey: ENV.fetch("LMS_API_KEY") }
) do |f|
  f.request :json
  f.response :json
  f.response :raise_error
end

# Workday is our HRIS; same shapes, different vendor.
WORKDAY_CONNECTION = Faraday.new(url: "https://hr.workday.example/api/v1/") do |f|
  f.request :authorization, "Bearer", -> { ENV.fetch("WORKDAY_TOKEN") }
  f.response :json
end
