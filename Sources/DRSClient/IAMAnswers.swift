import Foundation

/// What IAM's answer to a password login says besides the token (which is in a header):
/// `{"token": {"expires_at": "2019-11-16T03:36:55.123000Z", "project": {"id": …}}}`.
struct IssuedTokenAnswer {
    let expiresAt: Date?
    let projectID: String?

    init(_ body: Data) {
        let token = JSONValue.parse(body)?["token"]
        expiresAt = token?["expires_at"]?.text.flatMap(Self.parseTimestamp)
        projectID = token?["project"]?["id"]?.text
    }

    /// IAM's `expires_at`, e.g. `2019-11-16T03:36:55.123000Z`.
    static func parseTimestamp(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        return ISO8601DateFormatter().date(from: text)
    }
}

/// IAM's project list (`GET /v3/projects?name=…`): `{"projects": [{"id": …, "name": …}]}`.
struct ProjectListAnswer {
    let projects: [(id: String, name: String)]

    init(_ body: Data) {
        projects = (JSONValue.parse(body)?["projects"]?.arrayValue ?? []).compactMap { project in
            guard let id = project["id"]?.text, let name = project["name"]?.text else { return nil }
            return (id, name)
        }
    }

    func projectID(named name: String) -> String? {
        projects.first { $0.name == name }?.id
    }
}
