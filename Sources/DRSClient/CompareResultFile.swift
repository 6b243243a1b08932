/// Which result file: a DRS job, a comparison type, and for data comparisons the compare job.
public struct CompareResultFile: Sendable, Hashable {
    public let jobID: String
    public let compareType: CompareType
    public let compareJobID: String?

    public init(jobID: String, compareType: CompareType, compareJobID: String?) throws(DRSClientError) {
        guard !jobID.isEmpty else {
            throw DRSClientError(.configuration, "the job id is empty")
        }
        if compareType.needsCompareJobID && (compareJobID ?? "").isEmpty {
            throw DRSClientError(
                .configuration,
                "compare type \(compareType.rawValue) needs the id of its compare job (--compare-job-id)")
        }
        self.jobID = jobID
        self.compareType = compareType
        self.compareJobID = compareJobID.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `<job_id>_<compare_type>[_<compare_job_id>].xlsx`, with anything that is not a letter,
    /// digit, dot or dash replaced so an id can never point outside the current directory.
    public var defaultFileName: String {
        let parts = [jobID, compareType.rawValue] + (compareJobID.map { [$0] } ?? [])
        let safe = parts.joined(separator: "_").map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
                ? character : "_"
        }
        let name = String(safe)
        return (name.hasPrefix(".") ? "_" + name.dropFirst() : name) + ".xlsx"
    }
}
