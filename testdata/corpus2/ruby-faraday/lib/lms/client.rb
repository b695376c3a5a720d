# frozen_string_literal: true

require 'faraday'
require 'json'

module Lms
  # Thin Faraday client for the 360Learning v1 API used by the onboarding app.
  class Client
    DEFAULT_URL = 'https://stark.360learning.com'

    def initialize(url: ENV.fetch('LMS_URL', DEFAULT_URL), company: ENV['LMS_COMPANY'], key: ENV['LMS_API_KEY'])
      @conn = Faraday.new(url: url, params: { company: company, apiKey: key }) do |f|
        f.request :json
        f.response :json
        f.response :raise_error
      end
    end

    def learners(include_deleted: false)
      @conn.get('/api/v1/users', deleted: include_deleted).body
    end

    def rename(email, first_name:, last_name:)
      @conn.put("/api/v1/users/#{email}") do |req|
        req.body = { firstName: first_name, lastName: last_name }
      end
    end

    def move_to_group(email, group_id)
      @conn.put("/api/v1/users/#{email}", { primaryGroupId: group_id })
    end

    def remove_from_group(group_id, email, private_subgroups: true)
      @conn.run_request(:delete, "/api/v1/groups/#{group_id}/users/#{email}",
                        { deleteFromPrivateSubgroups: private_subgroups }.to_json, nil)
    end

    def learner(email)
      @conn.get("/api/v1/users/#{email}").body
    end

    def by_badge(badge, platform = 'Okta')
      @conn.get("/api/v1/users/getUserByExternalId/#{badge}/#{platform}").body
    end
  end
end
