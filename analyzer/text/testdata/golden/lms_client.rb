require 'httparty'
require 'net/http'

# Client for the 360Learning API v1 (https://acme.360learning.com/api/v1/users in a comment)
class LmsClient
  include HTTParty
  base_uri "https://acme.360learning.com/api/v1"

  def initialize(company, api_key)
    @auth = { company: company, apiKey: api_key }
  end

  def update_user(email, group_id)
    self.class.put("/users/#{email}", body: { primaryGroupId: group_id }.merge(@auth).to_json,
                                      headers: { 'Content-Type' => 'application/json' })
  end

  def users
    self.class.get "/users", query: { deleted: true, company: @auth[:company] }
  end

  def pseudonymize(email)
    uri = URI("#{ENV['LMS_URL']}/api/v1/users/#{email}/pseudonymize")
    req = Net::HTTP::Put.new(uri)
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
  end
end

class HubClient
  def deactivate(id)
    HTTParty.put("https://api.peoplehub.example/api/v1/users/#{id}")
  end
end
