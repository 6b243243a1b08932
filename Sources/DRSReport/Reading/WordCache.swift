/// The interpreted words of one column (statuses, difference kinds, operations…), remembered by
/// their cell bytes: a million rows repeat a handful of words, and normalising each one anew
/// would dominate the time per row. Lookups hash the bytes; no `String` is made for a known word.
package struct WordCache {
    /// What a word was read as.
    package struct Entry: Sendable {
        /// The typed field value: an `Interpreted<…>`.
        package let value: any FieldValue
        package let reading: any AnyInterpreted
        /// How the word counts towards a verdict, for words that say how a comparison came out.
        package let category: StatusCategory?
    }

    /// Distinct words remembered: a column of free text mistaken for a status must not grow memory.
    package static let limit = 512

    package private(set) var entries: [Entry] = []
    private var keys: [[UInt8]] = []
    /// Open addressing over `entries`: -1 is free.
    private var table = [Int32](repeating: -1, count: WordCache.limit * 2)
    private let interpret: (String) -> Entry

    init(_ interpret: @escaping (String) -> Entry) {
        self.interpret = interpret
    }

    /// The entry of `bytes`. Past ``limit`` distinct words, the word is read into one scratch
    /// entry (the last), valid until the next lookup.
    package mutating func lookup(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] >= 0 {
            let index = Int(table[slot])
            if keys[index].elementsEqual(bytes) { return Int32(index) }
            slot = (slot + 1) & mask
        }
        let entry = interpret(String(decoding: bytes, as: UTF8.self))
        if entries.count < WordCache.limit {
            table[slot] = Int32(entries.count)
            keys.append(Array(bytes))
            entries.append(entry)
            return Int32(entries.count - 1)
        }
        if entries.count == WordCache.limit { entries.append(entry) } else { entries[WordCache.limit] = entry }
        return Int32(WordCache.limit)
    }
}
