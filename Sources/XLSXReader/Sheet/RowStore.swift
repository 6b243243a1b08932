/// A cell as the sheet parser leaves it: its bytes stay in the arena (or in the shared strings),
/// and numbers stay as their source text until someone needs the double.
struct RawCell {
    var column: Int32
    var kind: CellKind
    /// Numbers: 1 when the source text already is the canonical spelling. Dates: the
    /// `ExcelDateTime.Kind` (0 date, 1 time, 2 date-time). Text: 1 when it lives in the shared strings.
    var flag: UInt8
    /// Offset in the arena, or the shared-string index.
    var start: Int32
    var length: Int32
    /// The value of numbers, booleans, dates and durations; NaN while a canonical number is unparsed.
    var number: Double

    @inline(__always) var isSharedText: Bool { kind == .text && flag == 1 }
}

struct RowEntry {
    var index: Int
    var firstCell: Int
    var endCell: Int
}

/// Rows parsed from a sheet and not yet handed out: entries, their cells, and the bytes of
/// cells that do not live in the shared strings.
struct RowStore {
    var rows = PodBuffer<RowEntry>(capacity: 1024)
    var cells = PodBuffer<RawCell>(capacity: 8192)
    var arena = ByteBuffer(capacity: 1 << 19)

    func release() {
        rows.release()
        cells.release()
        arena.release()
    }

    mutating func removeAll() {
        rows.removeAll()
        cells.removeAll()
        arena.removeAll()
    }

    static func allocate() -> UnsafeMutablePointer<RowStore> {
        let store = UnsafeMutablePointer<RowStore>.allocate(capacity: 1)
        store.initialize(to: RowStore())
        return store
    }

    static func free(_ store: UnsafeMutablePointer<RowStore>) {
        store.pointee.release()
        store.deinitialize(count: 1)
        store.deallocate()
    }
}

/// Turns raw cells back into canonical text or typed values, on the consumer's side.
struct CellFormatter {
    private unowned(unsafe) let sharedStrings: SharedStrings
    private let dateSystem: DateSystem
    private var scratch = ByteBuffer(capacity: 64)

    init(sharedStrings: SharedStrings, dateSystem: DateSystem) {
        self.sharedStrings = sharedStrings
        self.dateSystem = dateSystem
    }

    func release() { scratch.release() }

    /// A cell's canonical text; computed texts live in a scratch buffer reused by the next call.
    @inline(__always)
    mutating func text(of cell: RawCell, in store: UnsafeMutablePointer<RowStore>) -> UnsafeRawBufferPointer {
        switch cell.kind {
        case .text where cell.flag == 1:
            return sharedStrings.bytes(Int(cell.start))
        case .text, .error:
            return store.pointee.arena.slice(Int(cell.start), Int(cell.length))
        case .number where cell.flag == 1:
            return store.pointee.arena.slice(Int(cell.start), Int(cell.length))
        case .dateTime where cell.length > 0:
            return store.pointee.arena.slice(Int(cell.start), Int(cell.length))
        case .boolean:
            scratch.removeAll()
            scratch.append(cell.number != 0 ? "TRUE" : "FALSE")
        case .number:
            scratch.removeAll()
            NumberText.appendCanonical(cell.number, to: &scratch)
        case .duration:
            scratch.removeAll()
            if let duration = dateSystem.duration(fromSerial: cell.number) {
                duration.appendText(to: &scratch)
            } else {
                NumberText.appendCanonical(cell.number, to: &scratch)
            }
        case .dateTime:
            scratch.removeAll()
            if let dateTime = dateSystem.dateTime(fromSerial: cell.number, kind: dateTimeKind(cell.flag)) {
                dateTime.appendText(to: &scratch)
            } else {
                NumberText.appendCanonical(cell.number, to: &scratch)
            }
        }
        return scratch.bytes
    }

    func value(of cell: RawCell, in store: UnsafeMutablePointer<RowStore>) -> CellValue {
        switch cell.kind {
        case .text where cell.flag == 1:
            return .text(sharedStrings.string(Int(cell.start)))
        case .text:
            return .text(String(decoding: store.pointee.arena.slice(Int(cell.start), Int(cell.length)), as: UTF8.self))
        case .error:
            return .error(String(decoding: store.pointee.arena.slice(Int(cell.start), Int(cell.length)), as: UTF8.self))
        case .boolean:
            return .boolean(cell.number != 0)
        case .number:
            if cell.flag == 1 {
                let bytes = store.pointee.arena.slice(Int(cell.start), Int(cell.length)).assumingMemoryBound(to: UInt8.self)
                return .number(NumberText.parse(bytes) ?? 0)
            }
            return .number(cell.number)
        case .duration:
            return dateSystem.duration(fromSerial: cell.number).map(CellValue.duration) ?? .number(cell.number)
        case .dateTime:
            let kind = dateTimeKind(cell.flag)
            if cell.length > 0 {
                // t="d": the canonical text was stored; read its parts back.
                let bytes = store.pointee.arena.slice(Int(cell.start), Int(cell.length)).assumingMemoryBound(to: UInt8.self)
                return ISODateTime.parse(bytes, kind: kind).map(CellValue.dateTime) ?? .text(String(decoding: bytes, as: UTF8.self))
            }
            return dateSystem.dateTime(fromSerial: cell.number, kind: kind).map(CellValue.dateTime) ?? .number(cell.number)
        }
    }

    @inline(__always)
    private func dateTimeKind(_ flag: UInt8) -> ExcelDateTime.Kind {
        flag == 0 ? .date : (flag == 1 ? .time : .dateTime)
    }
}
