/// A growable run of bytes with manually managed storage, for the hot paths of reading and
/// writing: no copy-on-write, no uniqueness or exclusivity checks per byte.
///
/// It is a value with reference semantics on purpose: copies share storage, and the owner calls
/// ``release()`` exactly once. Keep one inside a class or behind a pointer, never pass copies around.
@frozen
package struct ByteBuffer {
    package var base: UnsafeMutablePointer<UInt8>
    package var count = 0
    package var capacity: Int

    package init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    package func release() { base.deallocate() }

    @inlinable @inline(__always)
    package mutating func removeAll() { count = 0 }

    @inlinable @inline(__always)
    package mutating func removeLast(_ n: Int) { count -= n }

    @inlinable @inline(__always)
    package mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inlinable @inline(__always)
    package mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        guard length > 0 else { return }
        if count + length > capacity { grow(to: count + length) }
        (base + count).update(from: bytes, count: length)
        count += length
    }

    @inlinable @inline(__always)
    package mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress else { return }
        append(start.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }

    @inlinable @inline(__always)
    package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        append(start, count: bytes.count)
    }

    package mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    package mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    @inlinable @inline(__always)
    package mutating func append(repeating byte: UInt8, count length: Int) {
        guard length > 0 else { return }
        if count + length > capacity { grow(to: count + length) }
        (base + count).update(repeating: byte, count: length)
        count += length
    }

    /// Drops the first `n` bytes, moving the rest to the front.
    package mutating func removeFirst(_ n: Int) {
        guard n > 0 else { return }
        (base).update(from: base + n, count: count - n)
        count -= n
    }

    package var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    @inlinable @inline(__always)
    package func slice(_ start: Int, _ length: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + start, count: length)
    }

    package var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    @usableFromInline
    mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

/// A growable array of trivial values with manually managed storage (see ``ByteBuffer``).
struct PodBuffer<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    func release() { base.deallocate() }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity {
            let newCapacity = capacity * 2
            let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    mutating func removeFirst(_ n: Int) {
        guard n > 0 else { return }
        base.update(from: base + n, count: count - n)
        count -= n
    }

    mutating func truncate(to newCount: Int) { count = newCount }
}
