import Foundation

/// Turns an answer that is not what was asked for into an error a person can act on.
enum ServiceAnswer {
    static func diagnostics(_ response: TransportResponse, body: Data) -> ServiceDiagnostics {
        let parsed = ServiceErrorBody(body)
        return ServiceDiagnostics(
            errorCode: parsed?.code, errorMessage: parsed?.message, httpStatus: response.status,
            requestID: response.header("X-Request-Id") ?? parsed?.requestID)
    }

    /// - Parameters:
    ///   - kind: what the caller knows about this failure; by default 401/403 are
    ///     authentication failures and everything else the service's.
    ///   - hint: what to do about it, when there is something to say.
    static func error(
        _ response: TransportResponse, body: Data, operation: String, attempts: Int,
        kind: DRSClientError.Kind? = nil, hint: String? = nil
    ) -> DRSClientError {
        let kind = kind ?? ([401, 403].contains(response.status) ? .authentication : .service)
        var message = "could not \(operation)"
        if attempts > 1 { message += " (gave up after \(attempts) attempts)" }
        if let hint { message += "; \(hint)" }
        return DRSClientError(kind, message, response: diagnostics(response, body: body))
    }
}
