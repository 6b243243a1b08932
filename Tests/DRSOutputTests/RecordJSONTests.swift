@testable import DRSReport
import Foundation
import Testing
import XLSXReader
@testable import DRSOutput

/// One record syntax for `report` and `diff`: the typed front end (``RecordJSON/append(_:to:)``,
/// a diff's records) writes every record byte for byte as the cell-bytes front end
/// (``JSONRecordEncoder``, `report --format ndjson`) does; absent optionals are `null` by the
/// encoder for fixed-shape types; an encoding failure is an error, never a `null`.
@Suite struct RecordJSONTests {
    @Test(arguments: Samples.reports + ["../hostile/hostile_en-us"])
    func typedRecordsAreWrittenAsTheReportWritesTheirRows(_ name: String) throws {
        let file = try ReportWorkbook(path: Samples.report(name))
        let ndjson = try Samples.written { try ReportWriter.writeNDJSON(file, ReportWriter.Selection(sections: file.report.sections), to: $0) }
        let lines = ndjson.split(separator: "\n").dropFirst().map(String.init)
        var typed: [String] = []
        try file.forEachRecord { _, record in
            var buffer = ByteBuffer(capacity: 256)
            defer { buffer.release() }
            RecordJSON.append(record, to: &buffer)
            typed.append(buffer.string)
        }
        #expect(typed.count == lines.count)
        for (line, record) in zip(lines, typed) { #expect(line == record) }
    }

    @Test func fixedShapeTypesWriteNullForAbsentMembers() throws {
        let key = try JSONDecoder().decode(DiffKey.self, from: Data(#"{"database":"shop"}"#.utf8))
        #expect(try TreeEncoder.encode(key).compact
                == #"{"database":"shop","table":null,"object_type":null,"name":null,"key_values":null,"column":null,"operation":null}"#)
        let entry = MetadataEntry(key: "Owner", value: "dba", name: nil, sheet: "Overview", row: 2)
        #expect(try TreeEncoder.encode(entry).compact == #"{"key":"Owner","value":"dba","name":null,"sheet":"Overview","row":2}"#)
        // Other types leave absent members out (the summary's schema says so).
        let table = TableCount(database: nil, table: "orders", count: 3)
        #expect(try TreeEncoder.encode(table).compact == #"{"table":"orders","count":3}"#)
    }

    /// A value whose encoding fails.
    struct Unencodable: Encodable {
        struct Refused: Error {}
        func encode(to encoder: any Encoder) throws { throw Refused() }
    }

    @Test func anEncodingFailureIsAnErrorNotANull() throws {
        let path = NSTemporaryDirectory() + "drsoutput-\(UUID().uuidString)"
        let file = try OutputFile(path: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: Unencodable.Refused.self) { try JSONWriter(sink: file.sink).encoded(Unencodable()) }
        #expect(throws: (any Error).self) { try JSONWriter.members(of: .string("not an object"), opening: false) }
    }
}
