# frozen_string_literal: true

require "net/http"
require "json"

namespace :lms do
  def lms_uri(path, query = {})
    cfg = Rails.application.config_for(:lms)
    URI::HTTPS.build(host: cfg[:host], path: path,
                     query: URI.encode_www_form({ company: cfg[:company], apiKey: ENV.fetch("LMS_API_KEY") }.merge(query)))
  end

  desc "Remove leavers from their LMS groups"
  task remove_leavers: :environment do
    Leaver.pending.find_each do |leaver|
      leaver.lms_group_ids.each do |group_id|
        uri = URI("https://acme.360learning.com/api/v1/groups/#{group_id}/users/#{ERB::Util.url_encode(leaver.email)}")
        req = Net::HTTP::Delete.new(uri)
        req.set_form_data(
          "company" => ENV.fetch("LMS_COMPANY"),
          "apiKey" => ENV.fetch("LMS_API_KEY"),
          "deleteFromPrivateSubgroups" => "true"
        )
        Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
      end
    end
  end

  desc "Pseudonymize users deleted more than 30 days ago"
  task forget: :environment do
    Leaver.forgettable.find_each do |leaver|
      uri = lms_uri("/api/v1/users/#{leaver.email}/pseudonymize")
      res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(Net::HTTP::Put.new(uri)) }
      leaver.update!(forgotten: JSON.parse(res.body)["message"] == "user_personal_data_removed_successfully")
    end
  end

  desc "Dump LMS users including deleted ones"
  task dump: :environment do
    uri = lms_uri("/api/v1/users", deleted: true)
    File.write("tmp/lms_users.json", Net::HTTP.get(uri))
  end

  desc "Reset the primary group of contractors"
  task contractors: :environment do
    Contractor.find_each do |c|
      uri = lms_uri("/api/v1/users/#{c.email}")
      req = Net::HTTP::Put.new(uri, "Content-Type" => "application/json")
      req.body = { primaryGroupId: ENV.fetch("CONTRACTORS_GROUP") }.to_json
      Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
    end
  end

  desc "Look up badge holders"
  task badges: :environment do
    Badge.find_each do |b|
      uri = lms_uri("/api/v1/users/getUserByExternalId/#{b.number}/gallagher")
      puts Net::HTTP.get(uri)
    end
  end

  # The BambooHR export also lives under /api/v1 but on its own host.
  task bamboo: :environment do
    uri = URI("https://api.bamboohr.example/api/v1/users?deleted=false")
    puts Net::HTTP.get(uri)
  end
end
