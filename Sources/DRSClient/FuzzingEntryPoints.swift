import Foundation

/// The client's fuzz target (FuzzTesting/FuzzDRSAnswers; see `ReaderFuzzing` in XLSXReader for the
/// conventions): every decoder of a DRS or IAM answer (``AnswerDecoding``) over arbitrary bytes
/// must never crash, hang or leak, and what they keep of the service's text must be printable.
@_spi(Fuzzing) public enum ClientFuzzing {
    /// The input is one answer body, given to every decoder in turn: an error body, IAM's token
    /// and project list, an export status for each compare type, a page of compare jobs and an
    /// object comparison.
    public static func answers(_ data: UnsafeRawBufferPointer) {
        let body = Data(data)
        if let diagnostics = AnswerDecoding.errorBody(body) {
            checkPrintable(diagnostics.errorCode, diagnostics.errorMessage, diagnostics.requestID)
            _ = diagnostics.description
        }
        _ = AnswerDecoding.issuedToken(body)
        _ = AnswerDecoding.projectID(named: "cn-north-4", in: body)
        for type in CompareType.allCases {
            guard let file = try? CompareResultFile(jobID: "job-1", compareType: type, compareJobID: "compare-1") else { continue }
            if let progress = try? AnswerDecoding.exportProgress(body, for: file) {
                checkPrintable(progress.status?.rawValue)
            }
        }
        var jobs = AnswerDecoding.compareJobPage(body)?.jobs ?? []
        if let object = AnswerDecoding.objectComparison(body) { jobs.append(object) }
        for job in jobs {
            checkPrintable(job.id, job.status?.rawValue, job.exportStatus?.rawValue, job.startedAt?.text, job.finishedAt?.text)
            _ = (job.startedAt?.description, job.finishedAt?.description)
        }
        _ = CompareJob.newestFinished(in: jobs, of: .lines)
    }

    /// The service's text reaches the terminal: no control or format character may survive.
    private static func checkPrintable(_ texts: String?...) {
        for case let text? in texts {
            precondition(text.allSatisfy(ServiceText.isPrintable), "unprintable service text kept: \(text.debugDescription)")
        }
    }
}
