#if canImport(FoundationEssentials)
import protocol FoundationEssentials.LocalizedError
#else
import protocol Foundation.LocalizedError
#endif
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A vocabulary file that cannot be used, with the place and the reason. `description` (and
/// `localizedDescription`) is the sentence the CLI prints after `drsdiff: error: `.
public struct VocabularyError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public let file: String
    public let message: String
    public var description: String { "vocabulary file " + file + ": " + message }
    public var errorDescription: String? { description }
}

/// The vocabulary file format, `drsdiff.vocabulary/v1` (documented in `docs/report.md`):
///
/// ```json
/// {
///   "schema": "drsdiff.vocabulary/v1",
///   "columns": {
///     "source_rows": ["Quellzeilen", {"all": ["source|src|源", "records|记录数"], "none": ["sql"]}]
///   },
///   "ignore": ["Shard Progress"],
///   "metadata": {"task_id": ["Job"], "region": ["Region", "区域"]},
///   "sections": {"value_differences": ["Abweichungen"]},
///   "values": {"status": {"consistent": ["OK"]}, "operation": {"insert": ["INS"]}}
/// }
/// ```
///
/// Strings are phrases: a header equal to one (after normalisation) means that concept, whatever
/// the built-in key words say. Objects are key-word patterns: every `all` group present (`|`
/// separates synonyms, a trailing `*` makes a prefix), no `none` group present; `optional`
/// groups count towards the fit. Everything else in the built-in vocabulary stays.
extension Vocabulary {
    public static let fileSchema = "drsdiff.vocabulary/v1"

    public mutating func load(contentsOfFile path: String) throws {
        try load(json: try Vocabulary.readFile(path), source: path)
    }

    public mutating func load(json bytes: [UInt8], source: String) throws {
        func fail(_ message: String) -> VocabularyError { VocabularyError(file: source, message: message) }
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch let error as JSONValue.ParseError {
            throw fail("not valid JSON: \(error)")
        }
        guard case .object(let members) = document else { throw fail("expected a JSON object at the top, found \(document.typeName)") }
        for (key, value) in members {
            switch key {
            case "schema":
                guard value == .string(Vocabulary.fileSchema) else { throw fail("\"schema\" must be \"\(Vocabulary.fileSchema)\"") }
            case "columns":
                for (name, entries) in try Vocabulary.object(value, "columns", fail) {
                    guard let concept = ColumnConcept(rawValue: name) else {
                        throw fail("unknown column concept \"\(name)\"; known: " + ColumnConcept.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    for entry in try Vocabulary.array(entries, "columns.\(name)", fail) {
                        switch entry {
                        case .string(let phrase): add(phrase: phrase, for: concept)
                        case .object: add(pattern: try Vocabulary.pattern(entry, "columns.\(name)", fail), for: concept)
                        default: throw fail("columns.\(name): expected phrases (strings) or patterns (objects), found \(entry.typeName)")
                        }
                    }
                }
            case "ignore":
                for phrase in try Vocabulary.strings(value, "ignore", fail) { ignore(header: phrase) }
            case "metadata":
                for (name, entries) in try Vocabulary.object(value, "metadata", fail) {
                    for phrase in try Vocabulary.strings(entries, "metadata.\(name)", fail) { add(metadataPhrase: phrase, name: name) }
                }
            case "sections":
                for (name, entries) in try Vocabulary.object(value, "sections", fail) {
                    guard let kind = SectionKind(rawValue: name), kind != .unknown else {
                        throw fail("unknown section kind \"\(name)\"; known: " + SectionKind.allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: ", "))
                    }
                    for words in try Vocabulary.strings(entries, "sections.\(name)", fail) {
                        add(sectionHint: KeywordPattern([Term(Vocabulary.synonyms(words))]), for: kind)
                    }
                }
            case "values":
                try loadValues(value, fail)
            case "notes":
                // Free text for the reader (`inspect --suggest-vocabulary` explains its guesses there).
                _ = try Vocabulary.strings(value, "notes", fail)
            default:
                throw fail("unknown key \"\(key)\"; a vocabulary file has schema, columns, ignore, metadata, sections, values, notes")
            }
        }
        noteFile(source)
    }

    private mutating func loadValues(_ value: JSONValue, _ fail: (String) -> VocabularyError) throws {
        for (vocabulary, entries) in try Vocabulary.object(value, "values", fail) {
            for (name, phrases) in try Vocabulary.object(entries, "values.\(vocabulary)", fail) {
                let list = try Vocabulary.strings(phrases, "values.\(vocabulary).\(name)", fail)
                func unknown(_ known: [String]) -> VocabularyError {
                    fail("values.\(vocabulary): unknown name \"\(name)\"; known: " + known.joined(separator: ", "))
                }
                switch vocabulary {
                case "status":
                    guard let status = ComparisonStatus(name: name) else { throw unknown(ComparisonStatus.known.map(\.name)) }
                    for phrase in list { values.add(status: status, phrase: phrase) }
                case "difference_kind":
                    let kind = DifferenceKind.decoded(name: name, text: name)
                    if case .unknown = kind { throw unknown(["only_in_source", "only_in_target", "both_differ"]) }
                    for phrase in list { values.add(differenceKind: kind, phrase: phrase) }
                case "operation":
                    let operation = RepairOperation.decoded(name: name, text: name)
                    if case .unknown = operation { throw unknown(["insert", "update", "delete"]) }
                    for phrase in list { values.add(operation: operation, phrase: phrase) }
                case "repair_state":
                    let state = RepairState.decoded(name: name, text: name)
                    if case .unknown = state { throw unknown(["succeeded", "failed", "running", "not_executed"]) }
                    for phrase in list { values.add(repairState: state, phrase: phrase) }
                case "existence":
                    let value = ObjectExistence.decoded(name: name, text: name)
                    if case .unknown = value { throw unknown(["exists", "missing"]) }
                    for phrase in list { values.add(existence: value, phrase: phrase) }
                case "object_type":
                    // New codes are allowed: DRS adds object types for new engines.
                    for phrase in list { values.add(objectType: name, phrase: phrase) }
                default:
                    throw fail("values: unknown vocabulary \"\(vocabulary)\"; known: status, difference_kind, operation, repair_state, existence, object_type")
                }
            }
        }
    }

    // MARK: - Shapes

    private static func object(_ value: JSONValue, _ path: String, _ fail: (String) -> VocabularyError) throws -> [(String, JSONValue)] {
        guard case .object(let members) = value else { throw fail("\(path): expected an object, found \(value.typeName)") }
        return members
    }

    private static func array(_ value: JSONValue, _ path: String, _ fail: (String) -> VocabularyError) throws -> [JSONValue] {
        if case .string = value { return [value] }
        guard case .array(let items) = value else { throw fail("\(path): expected an array, found \(value.typeName)") }
        return items
    }

    private static func strings(_ value: JSONValue, _ path: String, _ fail: (String) -> VocabularyError) throws -> [String] {
        try array(value, path, fail).map { item in
            guard case .string(let text) = item, !text.isEmpty else { throw fail("\(path): expected non-empty strings, found \(item.typeName)") }
            return text
        }
    }

    private static func pattern(_ value: JSONValue, _ path: String, _ fail: (String) -> VocabularyError) throws -> KeywordPattern {
        var groups: [String: [Term]] = [:]
        for (key, entry) in try object(value, path, fail) {
            guard ["all", "optional", "none"].contains(key) else { throw fail("\(path): a pattern has all, optional and none; found \"\(key)\"") }
            groups[key] = try array(entry, "\(path).\(key)", fail).map { group in
                switch group {
                case .string(let words): return Term(synonyms(words))
                case .array(let items):
                    return Term(try items.map { item in
                        guard case .string(let word) = item else { throw fail("\(path).\(key): expected strings, found \(item.typeName)") }
                        return word
                    })
                default: throw fail("\(path).\(key): expected strings or arrays of strings, found \(group.typeName)")
                }
            }
        }
        guard let required = groups["all"], !required.isEmpty else { throw fail("\(path): a pattern needs a non-empty \"all\"") }
        return KeywordPattern(required, optional: groups["optional"] ?? [], excluded: groups["none"] ?? [])
    }

    private static func synonyms(_ words: String) -> [String] {
        words.split(separator: "|").map { String($0) }.filter { !$0.isEmpty }
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw VocabularyError(file: path, message: "cannot open: " + String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw VocabularyError(file: path, message: "cannot read: " + String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > 16 << 20 { throw VocabularyError(file: path, message: "larger than 16 MB: not a vocabulary file") }
        }
    }
}
