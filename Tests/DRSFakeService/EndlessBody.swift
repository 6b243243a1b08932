import FlyingSocks
import Foundation

/// A response body that never ends: a ZIP local-header signature (so it passes for a workbook
/// at first), then zeros, as fast as the client takes them. Only a limit on the client's side
/// (bytes, time) or the client going away stops it.
struct EndlessBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    /// The largest piece handed to the server at once.
    static let pieceSize = 256 << 10

    func makeAsyncIterator() -> Iterator { Iterator() }

    struct Iterator: AsyncBufferedIteratorProtocol {
        private var sentSignature = false
        private let zeros = Data(count: EndlessBody.pieceSize)

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            try Task.checkCancellation()
            guard sentSignature else {
                sentSignature = true
                return Data([0x50, 0x4B, 0x03, 0x04])
            }
            return zeros.prefix(Swift.max(1, Swift.min(count, EndlessBody.pieceSize)))
        }
    }
}
