/// Where a listing of compare jobs stands, page after page, and whether the service's pages still
/// make sense: the bounds of ``DRSClient``'s listing, kept apart from the requests.
struct TableListing {
    let limit: Int
    let operation: String
    private(set) var offset = 0
    private var requests = 0
    private var announced: Int?
    private var previousFirstID: String?

    init(limit: Int, operation: String) {
        self.limit = limit
        self.operation = operation
    }

    /// Requests enough for `limit` entries in full pages, and one more to see the end.
    var maximumRequests: Int { limit / CompareJobAnswers.pageSize + 2 }

    /// Checks a page before anything in it is used.
    mutating func check(_ page: CompareJobAnswers.TablePage) throws(DRSClientError) {
        requests += 1
        if let malformed = page.malformedTotal {
            throw invalid("the count of compare jobs \"\(malformed)\" is not a number")
        }
        if page.entries.count > CompareJobAnswers.pageSize {
            throw invalid(
                "a page holds \(page.entries.count) compare jobs, more than the \(CompareJobAnswers.pageSize) asked for")
        }
        if let total = page.total {
            if let announced, announced != total {
                throw invalid("the count of compare jobs changed from \(announced) to \(total) between pages")
            }
            announced = total
            if total > limit { throw tooMany("the job lists \(total) compare jobs") }
        }
        if offset > 0, let first = page.firstID, first == previousFirstID {
            throw invalid("the page at offset \(offset) repeats the one before (the service ignores the offset)")
        }
        previousFirstID = page.firstID
        if offset >= limit && !page.entries.isEmpty { throw tooMany("the job lists more than \(limit) compare jobs") }
        if requests > maximumRequests {
            throw invalid("the list of compare jobs did not end after \(maximumRequests) requests")
        }
    }

    /// Moves past `page`; true when the listing is complete.
    mutating func advance(past page: CompareJobAnswers.TablePage) throws(DRSClientError) -> Bool {
        offset += page.entries.count
        return page.entries.isEmpty || offset >= (page.total ?? .max)
    }

    private func invalid(_ problem: String) -> DRSClientError {
        DRSClientError(.invalidResponse, "could not \(operation): \(problem)")
    }

    private func tooMany(_ what: String) -> DRSClientError {
        DRSClientError(
            .limitExceeded,
            "could not \(operation): \(what), more than the \(limit) drsdiff reads; raise "
                + "DRSClientConfiguration.maxListedCompareJobs (CLI: --max-compare-jobs) if that is right")
    }
}
