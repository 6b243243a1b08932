import DRSFakeService
import Foundation
import Testing

@testable import DRSClient

@Suite struct RetryPolicyTests {
    @Test func backoffGrowsExponentiallyWithinItsJitterBand() {
        let low = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(30), random: { 0 })
        let high = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(30), random: { 1 })
        #expect((1...6).map(low.backoff(afterAttempt:)) == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(15)])
        #expect((1...6).map(high.backoff(afterAttempt:)) == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(30)])
    }

    @Test func retryableAnswers() {
        #expect(RetryPolicy.isRetryable(status: 429, errorCode: nil))
        #expect(RetryPolicy.isRetryable(status: 500, errorCode: nil))
        #expect(RetryPolicy.isRetryable(status: 503, errorCode: "DRS.10000001"))
        #expect(RetryPolicy.isRetryable(status: 400, errorCode: "APIGW.0308"))
        #expect(!RetryPolicy.isRetryable(status: 400, errorCode: "DRS.10000010"))
        #expect(!RetryPolicy.isRetryable(status: 401, errorCode: nil))
        #expect(!RetryPolicy.isRetryable(status: 403, errorCode: nil))
    }

    @Test func retryAfterIsSecondsOrAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryPolicy.retryAfter("7", now: now) == .seconds(7))
        #expect(RetryPolicy.retryAfter(" 0 ", now: now) == .seconds(0))
        #expect(RetryPolicy.retryAfter("Sun, 06 Nov 1994 08:50:07 GMT", now: now) == .seconds(30))
        #expect(RetryPolicy.retryAfter("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero)
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.retryAfter(nil, now: now) == nil)
    }

    /// What an export request is sent again for at once: only throttling, which the API gateway
    /// answers before the request reaches DRS.
    @Test func throttlingIsTheOnlyAnswerAnExportIsRepeatedFor() {
        #expect(RetryPolicy.isThrottled(status: 429, errorCode: nil))
        #expect(RetryPolicy.isThrottled(status: 400, errorCode: "APIGW.0308"))
        #expect(!RetryPolicy.isThrottled(status: 503, errorCode: nil))
        #expect(RetryPolicy.isRetryable(status: 503, errorCode: nil))
    }
}
