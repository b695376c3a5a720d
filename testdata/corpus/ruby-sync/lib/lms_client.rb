require "httparty"
require "erb"

# Talks to 360Learning (API v1) for the Rails intranet's "My training" page.
class LmsClient
  include HTTParty
  base_uri ENV.fetch("LMS_BASE_URL", "https://acme.360learning.com")
  format :json

  def initialize(company: ENV["LMS_COMPANY"], api_key: ENV["LMS_API_KEY"])
    @auth = { company: company, apiKey: api_key }
  end

  def users(include_deleted: false)
    self.class.get("/api/v1/users", query: @auth.merge(deleted: include_deleted))
  end

  def user_by_external_id(id, platform = "workday")
    self.class.get("/api/v1/users/getUserByExternalId/#{ERB::Util.url_encode(id)}/#{platform}", query: @auth)
  end

  def update(email, attrs)
    self.class.put("/api/v1/users/#{email}",
                   query: @auth,
                   body: { firstName: attrs[:first_name], password: attrs[:password] }.compact.to_json,
                   headers: { "Content-Type" => "application/json" })
  end

  def remove_from_group(group_id, email)
    self.class.delete("/api/v1/groups/#{group_id}/users/#{email}",
                      body: @auth.merge(deleteFromPrivateSubgroups: true))
  end

  def programs_for(email)
    self.class.get("/api/v1/users/#{email}/programs", query: @auth)
  end
end

# Sidekiq job posting to the intranet's own audit API (not the LMS).
class AuditTrail
  include HTTParty
  base_uri "https://intranet.acme.internal"

  def self.record(email)
    post("/api/v1/users/#{email}/audit", body: { source: "lms" })
  end
end
