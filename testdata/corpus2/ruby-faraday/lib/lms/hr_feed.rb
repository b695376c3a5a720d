# frozen_string_literal: true

require 'faraday'

module Lms
  # Reads the HR feed. PeopleHub is our HRIS; its API happens to be v1 too.
  class HrFeed
    def initialize
      @conn = Faraday.new(url: 'https://api.peoplehub.example')
    end

    def leavers
      @conn.get('/api/v1/users', deleted: true).body
    end

    def reset(email)
      @conn.put("/api/v1/users/#{email}", { password: SecureRandom.hex(12) })
    end
  end
end
