import FlyingSocks
import Foundation

/// A response body that misbehaves on purpose: it can pause before a piece (a body slower than
/// the client's read timeout) or stop with an error after the pieces (the server drops the
/// connection mid-body, a truncated download).
struct ScriptedBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    struct Piece: Sendable {
        var pauseBefore: Duration
        var bytes: Data
    }

    let pieces: [Piece]
    let dropsConnection: Bool

    func makeAsyncIterator() -> Iterator {
        Iterator(pieces: pieces, dropsConnection: dropsConnection)
    }

    struct Dropped: Error {}

    struct Iterator: AsyncBufferedIteratorProtocol {
        var pieces: [Piece]
        let dropsConnection: Bool
        var pending = Data()

        init(pieces: [Piece], dropsConnection: Bool) {
            self.pieces = pieces
            self.dropsConnection = dropsConnection
        }

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            if pending.isEmpty {
                guard !pieces.isEmpty else {
                    if dropsConnection { throw Dropped() }
                    return nil
                }
                let piece = pieces.removeFirst()
                if piece.pauseBefore > .zero { try await Task.sleep(for: piece.pauseBefore) }
                pending = piece.bytes
            }
            let chunk = pending.prefix(Swift.max(count, 1))
            pending = Data(pending.dropFirst(chunk.count))
            return Data(chunk)
        }
    }
}
