import DRSClient
import FlyingFox
import Foundation

/// DRS and IAM on 127.0.0.1, close enough to the real services for the client to be tested
/// against: it checks AK/SK signatures and tokens as the gateway would, runs the export state
/// machine, serves a real .xlsx, and misbehaves on request (``inject(_:on:times:)``).
/// DRS and IAM share one port: point both endpoints at ``baseURL``.
public final class FakeDRSService: Sendable {
    public enum ExportBehaviour: Sendable {
        /// EXPORTING for this many status polls, then EXPORT_COMPLETE.
        case completesAfterPolls(Int)
        /// EXPORTING forever.
        case staysExporting
        /// EXPORT_COMMON_FAILED.
        case fails
    }

    public struct Configuration: Sendable {
        public var region = "cn-north-4"
        public var projectID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
        public var jobID = "6b3f2e0a-job-4d1c"
        public var compareJobID = "c0mpare-j0b-71"
        /// The job's row, value and sampling comparisons; nil: an older finished one and
        /// ``compareJobID``, both row comparisons.
        public var compareJobs: [FakeCompareJob]?
        /// The job's object comparison; nil: it has none.
        public var objectComparison: FakeCompareJob? = FakeCompareJob(
            id: "0bject-c0mpare-1", type: .objects, startTime: "2026-11-02T01:00:00Z")
        /// Compare jobs per page when the request names no `limit` (1000 at most either way).
        public var defaultPageSize = 10
        /// A broken list of compare jobs, answered instead of ``compareJobs``; nil: a correct one.
        public var brokenCompareList: BrokenCompareList?
        public var accessKey = AccessKey(
            id: "FAKEACCESSKEYID0001", secretKey: Secret("fake-secret-key-6Q2hKx9vTz4Lw8Rb"))
        /// A token the service accepts as if IAM had issued it (for "token given directly").
        public var givenToken = Secret("fake-given-iam-token-MIIZ8gYJKoZIhvcNAQcCoIIZ4zCCGd8C")
        public var login = PasswordLogin(
            user: "drs-reader", account: "example-account", password: Secret("fake-password-Vx7#kQ2!"))
        public var tokenLifetime: TimeInterval = 24 * 60 * 60
        public var exportBehaviour = ExportBehaviour.completesAfterPolls(1)
        /// The result file exists already, as when exported earlier (for `--no-export`).
        public var alreadyExported = false
        /// Every answer says `Connection: close`, so each request has a connection of its own: a
        /// dropped connection is then seen at once. (On a connection kept alive from an earlier
        /// request, Foundation waits out its connect timeout after an empty reply to a POST.)
        public var closesConnections = false
        public var workbook = FakeWorkbook.objectComparison()
        /// A workbook of its own for some compare types (the others get ``workbook``).
        public var workbooks: [CompareType: Data] = [:]
        /// The service's clock, for signature dates and token expiry; a test's clock when the
        /// client runs on one, so both sides agree on the time.
        public var now: @Sendable () -> Date = { Date() }

        public init() {}
    }

    public let configuration: Configuration
    private let server: LoopbackServer
    private let state: FakeState

    public var baseURL: URL { server.baseURL }

    private init(configuration: Configuration, server: LoopbackServer, state: FakeState) {
        self.configuration = configuration
        self.server = server
        self.state = state
    }

    public static func start(_ configuration: Configuration = Configuration()) async throws -> FakeDRSService {
        let state = FakeState(configuration: configuration)
        SecretLeakCheck.register(secrets: await state.secrets())
        let server = try await LoopbackServer(handler: Handler { try await state.handle($0) })
        return FakeDRSService(configuration: configuration, server: server, state: state)
    }

    public func stop() async {
        await server.stop()
    }

    /// The next `times` requests to `route` get `fault` instead of their answer (after the
    /// credentials were checked, as the gateway checks them first).
    public func inject(_ fault: FakeFault, on route: FakeRoute, times: Int = 1) async {
        await state.inject(fault, on: route, times: times)
    }

    /// Every request received, in order, optionally only those to `route`.
    public func requests(to route: FakeRoute? = nil) async -> [RecordedRequest] {
        await state.requests(to: route)
    }

    /// Every secret this service knows or issued: the strings that must never show up in output.
    public func secrets() async -> [String] {
        await state.secrets()
    }
}

/// The fake's mutable side: recordings, injected faults, issued tokens, export progress.
private actor FakeState {
    private enum Export {
        case exporting(pollsLeft: Int)
        case complete
        case failed
    }

    let configuration: FakeDRSService.Configuration
    private var log: [(route: FakeRoute?, request: RecordedRequest)] = []
    private var faults: [FakeRoute: [FakeFault]] = [:]
    private var issuedTokens: [String: Date] = [:]
    private var exports: [String: Export] = [:]
    private var requestCounter = 0

    init(configuration: FakeDRSService.Configuration) {
        self.configuration = configuration
    }

    func inject(_ fault: FakeFault, on route: FakeRoute, times: Int) {
        faults[route, default: []] += Array(repeating: fault, count: times)
    }

    func requests(to route: FakeRoute?) -> [RecordedRequest] {
        log.filter { route == nil || $0.route == route }.map(\.request)
    }

    func secrets() -> [String] {
        [configuration.accessKey.secretKey, configuration.givenToken, configuration.login.password].map(\.value)
            + (configuration.accessKey.securityToken.map { [$0.value] } ?? []) + issuedTokens.keys
    }

    // MARK: Dispatch

    func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
        var response = try await answerOrFault(request)
        if configuration.closesConnections { response.headers[.connection] = "close" }
        return response
    }

    private func answerOrFault(_ request: HTTPRequest) async throws -> HTTPResponse {
        let recorded = RecordedRequest(request, body: try await request.bodyData)
        let route = Self.route(of: recorded)
        log.append((route, recorded))
        requestCounter += 1
        let requestID = "fake-request-\(requestCounter)"
        guard let route else {
            return json(404, ["error_code": "APIGW.0101", "error_msg": "The API does not exist."], requestID)
        }
        if route != .iamToken, let refusal = checkCredentials(recorded, route: route) {
            return json(401, ["error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information: \(refusal)"], requestID)
        }
        if var queue = faults[route], !queue.isEmpty {
            var fault = queue.removeFirst()
            faults[route] = queue
            if case .processed(let then) = fault {
                _ = answer(route, recorded, requestID)
                fault = then
            }
            if let answer = try await respond(with: fault, recorded, requestID) { return answer }
        }
        return answer(route, recorded, requestID)
    }

    private func answer(_ route: FakeRoute, _ request: RecordedRequest, _ requestID: String) -> HTTPResponse {
        switch route {
        case .iamToken: return issueToken(request, requestID)
        case .iamProjects: return listProjects(request, requestID)
        case .export, .status, .download: return drs(route, request, requestID)
        }
    }

    private static func route(of request: RecordedRequest) -> FakeRoute? {
        let parts = request.path.split(separator: "/").map(String.init)
        switch (request.method, parts.count) {
        case ("POST", 3) where parts == ["v3", "auth", "tokens"]: return .iamToken
        case ("GET", 2) where parts == ["v3", "projects"]: return .iamProjects
        case ("POST", 7) where parts[0] == "v3" && parts[2] == "jobs" && parts[4...] == ["compare", "result", "file"]:
            return .export
        case ("GET", 7) where parts[0] == "v3" && parts[2] == "jobs" && parts[4...] == ["compare", "result", "file"]:
            return .download
        case ("GET", 6) where parts[0] == "v3" && parts[2] == "jobs" && (parts[4...] == ["object", "compare"] || parts[4...] == ["table", "compare"]):
            return .status
        case ("GET", 4) where parts[0] == "v5" && parts[2] == "jobs" && request.query["type"] == "repair_export_status":
            return .status
        default: return nil
        }
    }

    /// nil when the request carries valid credentials, else why not.
    private func checkCredentials(_ request: RecordedRequest, route: FakeRoute) -> String? {
        if let token = request.header("x-auth-token") {
            if token == configuration.givenToken.value { return nil }
            guard let expiry = issuedTokens[token] else { return "unknown token" }
            return expiry > configuration.now() ? nil : "expired token"
        }
        let key = configuration.accessKey
        switch GatewaySignatureCheck.verify(request, accessKeyID: key.id, secretKey: key.secretKey.value, now: configuration.now()) {
        case .invalid(let reason):
            return reason
        case .valid:
            if let token = key.securityToken, request.header("x-security-token") != token.value {
                return "temporary keys need their X-Security-Token"
            }
            if route != .iamProjects && request.header("x-project-id") != configuration.projectID {
                return "X-Project-Id missing or wrong"
            }
            return nil
        }
    }

    // MARK: IAM

    private func issueToken(_ request: RecordedRequest, _ requestID: String) -> HTTPResponse {
        let auth = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
        let identity = (auth?["auth"] as? [String: Any])?["identity"] as? [String: Any]
        let user = ((identity?["password"] as? [String: Any])?["user"]) as? [String: Any]
        let scope = (((auth?["auth"] as? [String: Any])?["scope"] as? [String: Any])?["project"]) as? [String: Any]
        let login = configuration.login
        guard (identity?["methods"] as? [String]) == ["password"], user?["name"] as? String == login.user,
            user?["password"] as? String == login.password.value,
            (user?["domain"] as? [String: Any])?["name"] as? String == login.account
        else {
            return json(
                401, ["error": ["code": 401, "message": "The username or password is wrong.", "title": "Unauthorized"]],
                requestID)
        }
        guard scope?["name"] as? String == configuration.region else {
            return json(400, ["error": ["code": 400, "message": "Invalid project scope.", "title": "Bad Request"]], requestID)
        }
        let token = "fake-issued-token-\(UUID().uuidString)"
        SecretLeakCheck.register(secrets: [token])
        let expiry = configuration.now().addingTimeInterval(configuration.tokenLifetime)
        issuedTokens[token] = expiry
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let body: [String: Any] = [
            "token": [
                "expires_at": formatter.string(from: expiry).replacingOccurrences(of: "Z", with: "000Z"),
                "methods": ["password"],
                "project": ["id": configuration.projectID, "name": configuration.region],
            ]
        ]
        return json(201, body, requestID, headers: ["X-Subject-Token": token])
    }

    private func listProjects(_ request: RecordedRequest, _ requestID: String) -> HTTPResponse {
        let matches = request.query["name"] == configuration.region
        let projects: [[String: Any]] = matches ? [["id": configuration.projectID, "name": configuration.region]] : []
        return json(200, ["projects": projects], requestID)
    }

    // MARK: DRS

    private func drs(_ route: FakeRoute, _ request: RecordedRequest, _ requestID: String) -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts[1] == configuration.projectID else {
            return json(403, ["error_code": "DRS.M00261", "error_msg": "Invalid project."], requestID)
        }
        guard parts[3] == configuration.jobID else {
            return json(400, ["error_code": "DRS.10000010", "error_msg": "Task not found. Check the task ID."], requestID)
        }
        guard request.header("content-type")?.hasPrefix("application/json") == true else {
            return json(400, ["error_code": "DRS.M00202", "error_msg": "Content-Type must be application/json."], requestID)
        }
        switch route {
        case .export: return export(request, requestID)
        case .status: return status(request, parts, requestID)
        default: return download(request, requestID)
        }
    }

    private func export(_ request: RecordedRequest, _ requestID: String) -> HTTPResponse {
        let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
        guard request.header("region") == configuration.region else {
            return json(400, ["error_code": "DRS.M00202", "error_msg": "Region header missing or wrong."], requestID)
        }
        guard let type = body?["compare_type"] as? String, let compareType = CompareType(rawValue: type) else {
            return json(400, ["error_code": "DRS.M00202", "error_msg": "Invalid compare_type."], requestID)
        }
        let compareJobID = body?["compare_job_id"] as? String
        if compareType.needsCompareJobID && !listedCompareJobs.contains(where: { $0.id == compareJobID }) {
            return json(400, ["error_code": "DRS.10000010", "error_msg": "Compare task not found."], requestID)
        }
        // As DRS does: one export at a time.
        if case .exporting? = exports[key(compareType, compareJobID)] {
            return json(400, ["error_code": "DRS.10000024", "error_msg": "Another operation is running. Try again later."], requestID)
        }
        switch configuration.exportBehaviour {
        case .completesAfterPolls(let polls): exports[key(compareType, compareJobID)] = .exporting(pollsLeft: polls)
        case .staysExporting: exports[key(compareType, compareJobID)] = .exporting(pollsLeft: .max)
        case .fails: exports[key(compareType, compareJobID)] = .failed
        }
        return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([HTTPHeader("X-Request-Id"): requestID]))
    }

    private func status(_ request: RecordedRequest, _ parts: [String], _ requestID: String) -> HTTPResponse {
        if parts[0] == "v5" {
            let status = advance(key(.repair, request.query["compare_task_id"]))
            return json(200, ["repair_export_status": status], requestID)
        }
        if parts[4] == "object" {
            let status = advance(key(.objects, nil))
            // Numbers as strings, as some API versions send them.
            var overview: [String: Any] = [
                "export_status": status, "report_remain_seconds": status == "EXPORT_COMPLETE" ? "86400" : "-1", "compare_result": [],
            ]
            if let object = configuration.objectComparison {
                overview["compare_job_id"] = object.id
                overview["status"] = object.status
                overview["create_time"] = object.startTime
                overview["start_time"] = object.startTime
            }
            return json(200, overview, requestID)
        }
        if let broken = configuration.brokenCompareList {
            return brokenPage(broken, offset: request.query["offset"].flatMap { Int($0) } ?? 0, requestID)
        }
        let all = listedCompareJobs
        let limit = request.query["limit"].map { Int($0) ?? -1 } ?? configuration.defaultPageSize
        let offset = request.query["offset"].map { Int($0) ?? -1 } ?? 0
        guard (1...1000).contains(limit), offset >= 0 else {
            return json(400, ["error_code": "DRS.M00202", "error_msg": "Invalid limit or offset."], requestID)
        }
        let page = all.dropFirst(offset).prefix(limit).map { job -> [String: Any] in
            var entry = fields(job)
            entry["export_status"] = exportStatus(ofCompareJob: job.id)
            entry["report_remain_seconds"] = -1
            return entry
        }
        return json(200, ["compare_jobs": page, "count": all.count], requestID)
    }

    private func brokenPage(_ broken: BrokenCompareList, offset: Int, _ requestID: String) -> HTTPResponse {
        let first = broken.ignoresOffset ? 0 : offset
        let page = (first..<(first + broken.entriesPerPage)).map { index in
            "{\"id\":\"listed-\(index)\",\"type\":\"\(CompareType.lines.rawValue)\",\"status\":\"SUCCESSFUL\"}"
        }
        return HTTPResponse(
            statusCode: .ok, headers: [.contentType: "application/json", HTTPHeader("X-Request-Id"): requestID],
            body: Data("{\"compare_jobs\":[\(page.joined(separator: ","))],\"count\":\(broken.count)}".utf8))
    }

    private var listedCompareJobs: [FakeCompareJob] {
        configuration.compareJobs ?? [
            FakeCompareJob(
                id: "another-compare-job", type: .lines, startTime: "2026-11-01T01:00:00Z", endTime: "2026-11-01T01:30:00Z"),
            FakeCompareJob(
                id: configuration.compareJobID, type: .lines, startTime: "2026-11-02T01:00:00Z", endTime: "2026-11-02T01:30:00Z"),
        ]
    }

    private func fields(_ job: FakeCompareJob) -> [String: Any] {
        var fields: [String: Any] = ["id": job.id, "type": job.type.rawValue, "status": job.status]
        fields["start_time"] = job.startTime
        fields["end_time"] = job.endTime
        return fields
    }

    /// The export status of a listed compare job, moved one poll closer to completion when an
    /// export of it runs (whatever compare type the export asked for).
    private func exportStatus(ofCompareJob id: String) -> String {
        guard let exported = exports.keys.first(where: { $0.hasSuffix("|\(id)") }) else {
            return configuration.alreadyExported ? "EXPORT_COMPLETE" : "INIT"
        }
        return advance(exported)
    }

    private func download(_ request: RecordedRequest, _ requestID: String) -> HTTPResponse {
        guard request.body.isEmpty else {
            return json(400, ["error_code": "DRS.M00202", "error_msg": "A GET has no body."], requestID)
        }
        guard let type = request.query["compare_type"].flatMap(CompareType.init(rawValue:)) else {
            return json(400, ["error_code": "DRS.M00202", "error_msg": "Invalid compare_type."], requestID)
        }
        let compareJobID = request.query["compare_job_id"]
        guard configuration.alreadyExported || isComplete(key(type, compareJobID)) else {
            return json(400, ["error_code": "DRS.10000001", "error_msg": "The comparison result file has not been exported."], requestID)
        }
        return HTTPResponse(
            statusCode: .ok,
            headers: HTTPHeaders([.contentType: "application/octet-stream", HTTPHeader("X-Request-Id"): requestID]),
            body: configuration.workbooks[type] ?? configuration.workbook)
    }

    private func key(_ type: CompareType, _ compareJobID: String?) -> String {
        "\(type.rawValue)|\(compareJobID ?? "")"
    }

    /// The status a poll reports, moving an export one poll closer to completion.
    private func advance(_ key: String) -> String {
        switch exports[key] {
        case nil: return configuration.alreadyExported ? "EXPORT_COMPLETE" : "INIT"
        case .complete: return "EXPORT_COMPLETE"
        case .failed: return "EXPORT_COMMON_FAILED"
        case .exporting(let pollsLeft):
            if pollsLeft <= 0 {
                exports[key] = .complete
                return "EXPORT_COMPLETE"
            }
            exports[key] = .exporting(pollsLeft: pollsLeft == .max ? .max : pollsLeft - 1)
            return "EXPORTING"
        }
    }

    private func isComplete(_ key: String) -> Bool {
        if case .complete = exports[key] { return true }
        return false
    }

    // MARK: Answers

    /// The fault's answer, or nil when the fault only delays the normal answer.
    private func respond(with fault: FakeFault, _ request: RecordedRequest, _ requestID: String) async throws -> HTTPResponse? {
        let workbook = configuration.workbook
        let half = workbook.count / 2
        let headers: HTTPHeaders = [.contentType: "application/octet-stream", HTTPHeader("X-Request-Id"): requestID]
        switch fault {
        case .error(let status, let code, let message, let extra):
            return json(status, ["error_code": code, "error_msg": message], requestID, headers: extra)
        case .errorWithSuccessStatus(let code, let message):
            return json(200, ["error_code": code, "error_msg": message], requestID)
        case .truncatedBody:
            let body = ScriptedBody(pieces: [.init(pauseBefore: .zero, bytes: workbook.prefix(half))], dropsConnection: true)
            return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: body, count: workbook.count))
        case .slowBody(let pause):
            let body = ScriptedBody(
                pieces: [
                    .init(pauseBefore: .zero, bytes: workbook.prefix(half)),
                    .init(pauseBefore: pause, bytes: workbook.dropFirst(half)),
                ], dropsConnection: false)
            return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: body, count: workbook.count))
        case .slowResponse(let pause):
            try await Task.sleep(for: pause)
            return nil
        case .redirect(let location):
            return HTTPResponse(
                statusCode: .found,
                headers: HTTPHeaders([.location: location.absoluteString, HTTPHeader("X-Request-Id"): requestID]))
        case .processed(let then):
            return try await respond(with: then, request, requestID)
        case .dropConnection:
            return HTTPResponse(webSocket: HangUp())
        case .answer(let status, let text):
            return HTTPResponse(
                statusCode: HTTPStatusCode(status, phrase: Self.phrase(status)),
                headers: [.contentType: "application/json", HTTPHeader("X-Request-Id"): requestID], body: Data(text.utf8))
        case .truncatedFile:
            return HTTPResponse(statusCode: .ok, headers: headers, body: workbook.prefix(half))
        case .echoCredentials:
            let carried = ["x-auth-token", "authorization", "x-security-token"].compactMap { request.header($0) }
            return json(400, ["error_code": "DRS.M00202", "error_msg": "Invalid request with \(carried.joined(separator: " "))"], requestID)
        case .echoCredentialsAs(let form, let padding):
            let carried = ["x-auth-token", "authorization", "x-security-token"].compactMap { request.header($0) }
            // A signature can be replayed for minutes: it is as secret as a token while it lasts.
            SecretLeakCheck.register(secrets: carried)
            let shown = carried.map { Self.spell($0, as: form) }.joined(separator: " ")
            let message = String(repeating: "x", count: padding) + shown
            return json(400, ["error_code": "DRS.M00202", "error_msg": message], requestID)
        case .echoBody:
            let body = String(decoding: request.body, as: UTF8.self)
            return json(400, ["error_code": "IAM.0001", "error_msg": "Cannot parse the request \(body)"], requestID)
        case .endlessBody:
            return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EndlessBody(), suggestedBufferSize: EndlessBody.pieceSize))
        }
    }

    private static func spell(_ value: String, as form: FakeFault.EchoForm) -> String {
        switch form {
        case .plain:
            return value
        case .jsonEscaped:
            return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "/", with: "\\/")
        case .percentEncoded:
            return value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
        }
    }

    private func json(_ status: Int, _ object: Any, _ requestID: String, headers extra: [String: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: "application/json", HTTPHeader("X-Request-Id"): requestID]
        for (name, value) in extra { headers[HTTPHeader(name)] = value }
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: Self.phrase(status)), headers: headers, body: body)
    }

    /// Closes the connection before a byte of the answer is written: FlyingFox writes a
    /// WebSocket upgrade's head only once its handler made the frames, and this one cannot.
    private struct HangUp: WSHandler {
        struct Closed: Error {}
        func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
            throw Closed()
        }
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        default: "Status"
        }
    }
}
