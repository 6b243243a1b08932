/// Which result file: a DRS job, a comparison type, and for data comparisons the compare job.
public struct CompareResultFile: Sendable, Hashable {
    public let jobID: String
    public let compareType: CompareType
    public let compareJobID: String?

    /// Ids are checked against the service's id syntax (``ServiceIdentifier``): a malformed id is
    /// refused here, before it can reach a URL.
    public init(jobID: String, compareType: CompareType, compareJobID: String?) throws(DRSClientError) {
        try ServiceIdentifier.validate(jobID, as: "job id (--job-id)")
        let compareJobID = compareJobID.flatMap { $0.isEmpty ? nil : $0 }
        if let compareJobID {
            try ServiceIdentifier.validate(compareJobID, as: "compare job id (--compare-job-id)")
        } else if compareType.needsCompareJobID {
            throw DRSClientError(
                .configuration,
                "compare type \(compareType.rawValue) needs the id of its compare job (--compare-job-id)")
        }
        self.jobID = jobID
        self.compareType = compareType
        self.compareJobID = compareJobID
    }

    /// `<job_id>_<compare_type>[_<compare_job_id>].xlsx`: ids hold only letters, digits, `-`
    /// and `_`, so the name stays in the directory it is put in.
    public var defaultFileName: String {
        ([jobID, compareType.rawValue] + (compareJobID.map { [$0] } ?? [])).joined(separator: "_") + ".xlsx"
    }

    /// `<job_id>_<compare_type>.xlsx`: the same for every compare job of the type, so that a
    /// directory keeps the latest report of each type, each run replacing the last.
    public var stableFileName: String {
        "\(jobID)_\(compareType.rawValue).xlsx"
    }
}
