module Lms
  # Pushes HR changes to the LMS.
  class UserSync
    def initialize(connection: LMS_CONNECTION, hris: WORKDAY_CONNECTION)
      @lms = connection
      @hris = hris
    end

    def all_users(include_deleted: false)
      @lms.get("users", deleted: include_deleted).body
    end

    def update(email, attrs)
      @lms.put("users/#{CGI.escape(email)}") do |req|
        req.body = {
          firstName: attrs[:first_name],
          lastName: attrs[:last_name],
          primaryGroupId: attrs[:group_id]
        }.compact
      end
    end

    def reset_password(email, password)
      @lms.put("users/#{email}", { password: password })
    end

    def forget(email)
      @lms.put("users/#{email}/pseudonymize")
    end

    def leave_group(group_id, email)
      @lms.delete("groups/#{group_id}/users/#{email}") do |req|
        req.body = { group_id: group_id, deleteFromPrivateSubgroups: true }
      end
    end

    def find_by_workday_id(worker_id)
      @lms.get("users/getUserByExternalId/#{worker_id}/workday").body
    rescue Faraday::ResourceNotFound
      nil
    end

    def workers
      @hris.get("users", deleted: false).body
    end

    def push_worker(email, attrs)
      @hris.put("users/#{email}", attrs)
    end
  end
end
