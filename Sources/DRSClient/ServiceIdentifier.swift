/// The syntax of DRS and IAM ids (job, compare job, project): letters, digits, `-` and `_`.
///
/// Ids go into URL paths and headers. `.` and `..` would be collapsed by the HTTP stack (the
/// request would reach another path than the one signed), `/` would add a path segment, CR or LF
/// would make Foundation drop a header; none of these occur in a real id, so anything outside
/// the service's own syntax is refused before a request is made.
enum ServiceIdentifier {
    static let maximumLength = 128
    private static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// - Parameter what: the id's name in messages, e.g. "job id (--job-id)".
    static func validate(_ id: String, as what: String) throws(DRSClientError) {
        guard !id.isEmpty else {
            throw DRSClientError(.configuration, "the \(what) is empty")
        }
        guard id.utf8.count <= maximumLength, id.utf8.allSatisfy(allowed.contains) else {
            throw DRSClientError(
                .configuration,
                "\"\(ServiceText.printable(id))\" is not a valid \(what): DRS ids are at most \(maximumLength) "
                    + "letters, digits, '-' and '_'")
        }
    }
}
