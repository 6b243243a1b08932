import Foundation

/// The decoders of every kind of answer DRS and IAM send, from raw bytes, exactly as the client
/// uses them: entry points for the fuzz targets (`import @_spi(Fuzzing) DRSClient`), which must
/// exercise the real code, not a copy.
@_spi(Fuzzing) public enum AnswerDecoding {
    /// An error answer in any spelling: code, message and request id, made printable.
    public static func errorBody(_ body: Data) -> ServiceDiagnostics? {
        guard let parsed = ServiceErrorBody(body) else { return nil }
        return ServiceDiagnostics(
            errorCode: parsed.code, errorMessage: parsed.message, httpStatus: 200, requestID: parsed.requestID)
    }

    /// IAM's answer to a password login: when the token expires and which project it is for.
    public static func issuedToken(_ body: Data) -> (expiresAt: Date?, projectID: String?) {
        let answer = IssuedTokenAnswer(body)
        return (answer.expiresAt, answer.projectID)
    }

    /// IAM's project list: the id of the project named `name`.
    public static func projectID(named name: String, in body: Data) -> String? {
        ProjectListAnswer(body).projectID(named: name)
    }

    /// An export status answer, for the result file `file`; nil when the body is not JSON, an
    /// error when it has no place for the status.
    public static func exportProgress(_ body: Data, for file: CompareResultFile) throws(DRSClientError) -> ExportProgress? {
        guard let json = JSONValue.parse(body) else { return nil }
        return try ExportStatusQuery.progress(from: json, for: file)
    }

    /// One page of a job's row, value and sampling comparisons: the compare jobs on it, and how
    /// many there are in all when the service says.
    public static func compareJobPage(_ body: Data) -> (jobs: [CompareJob], total: Int?)? {
        guard let json = JSONValue.parse(body) else { return nil }
        let page = CompareJobAnswers.TablePage(json)
        return (page.jobs, page.total)
    }

    /// A job's object comparison overview: its object comparison, nil when it has none.
    public static func objectComparison(_ body: Data) -> CompareJob? {
        JSONValue.parse(body).flatMap(CompareJobAnswers.objectComparison)
    }
}
