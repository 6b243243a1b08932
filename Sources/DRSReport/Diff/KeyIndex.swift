/// The old report's entries, compactly: per record its key fingerprint, its state, the size of
/// its difference and where the record sits in the spool — about 90 bytes per record, whatever
/// the record holds. Entries stay in report order; a sorted copy of the fingerprints finds a
/// key's entries, equal keys in report order.
struct KeyIndex {
    struct Entry {
        var fingerprint: KeyFingerprint
        var offset: UInt64
        var length: UInt32
        /// ``DiffSize``, or -1 for none.
        var size: Int64
        var state: StatusCategory
        var entity: DiffEntity
        var matched = false
    }

    private struct Sorted: Comparable {
        var fingerprint: KeyFingerprint
        var ordinal: UInt32

        static func < (a: Sorted, b: Sorted) -> Bool { (a.fingerprint, a.ordinal) < (b.fingerprint, b.ordinal) }
        static func == (a: Sorted, b: Sorted) -> Bool { a.fingerprint == b.fingerprint && a.ordinal == b.ordinal }
    }

    private(set) var entries: [Entry] = []
    private var sorted: [Sorted] = []
    /// Where each bucket of hashes (their top `bucketBits` bits) starts in `sorted`, and one more
    /// for the end: a lookup searches one bucket (about one entry), not the whole array, whose
    /// binary search would cost a cache miss per step.
    private var bucketStarts: [UInt32] = []
    private var bucketBits = 0
    /// Lookups that met an entry with the same hash but another key.
    private(set) var crossCollisions = 0

    mutating func append(_ entry: Entry) { entries.append(entry) }

    mutating func seal() {
        sorted = entries.indices.map { Sorted(fingerprint: entries[$0].fingerprint, ordinal: UInt32($0)) }
        sorted.sort()
        bucketBits = min(24, max(1, Int.bitWidth - max(sorted.count, 1).leadingZeroBitCount))
        bucketStarts = [UInt32](repeating: 0, count: (1 << bucketBits) + 1)
        var position = 0
        for bucket in 0...(1 << bucketBits) {
            while position < sorted.count, bucketOf(sorted[position].fingerprint) < bucket { position += 1 }
            bucketStarts[bucket] = UInt32(position)
        }
    }

    @inline(__always)
    private func bucketOf(_ fingerprint: KeyFingerprint) -> Int { Int(fingerprint.high >> UInt64(64 - bucketBits)) }

    /// The first entry with this key not yet paired (so the k-th occurrence in the new report
    /// pairs with the k-th in the old), marked as paired; nil when there is none.
    mutating func pair(_ fingerprint: KeyFingerprint) -> Int? {
        let bucket = bucketOf(fingerprint)
        var low = Int(bucketStarts[bucket]), high = Int(bucketStarts[bucket + 1])
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].fingerprint < fingerprint { low = middle + 1 } else { high = middle }
        }
        if KeyIndex.sharesHashOnly(low > 0 ? sorted[low - 1].fingerprint : nil, fingerprint)
            || KeyIndex.sharesHashOnly(low < sorted.count ? sorted[low].fingerprint : nil, fingerprint) {
            crossCollisions += 1
        }
        var position = low
        while position < sorted.count, sorted[position].fingerprint == fingerprint {
            let ordinal = Int(sorted[position].ordinal)
            if !entries[ordinal].matched {
                entries[ordinal].matched = true
                return ordinal
            }
            position += 1
        }
        return nil
    }

    /// Occurrences past the first of each key, and distinct keys sharing a hash, in a sorted list.
    static func repeats(in fingerprints: [KeyFingerprint]) -> (duplicates: Int, collisions: Int) {
        var duplicates = 0, collisions = 0
        for (previous, current) in zip(fingerprints, fingerprints.dropFirst()) {
            if previous == current { duplicates += 1 } else if sharesHashOnly(previous, current) { collisions += 1 }
        }
        return (duplicates, collisions)
    }

    var sortedFingerprints: [KeyFingerprint] { sorted.map(\.fingerprint) }

    private static func sharesHashOnly(_ a: KeyFingerprint?, _ b: KeyFingerprint) -> Bool {
        guard let a else { return false }
        return a.high == b.high && a.low == b.low && a != b
    }
}
