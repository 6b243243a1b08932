internal import CDRSDiffLibXML2

/// A start tag of a small part (relationships, workbook, styles), with its attributes keyed by
/// local name. Allocates freely: these parts are tiny next to sheets.
struct XMLElement {
    let name: String
    let attributes: [String: String]
    /// Local names of the enclosing elements, outermost first.
    let ancestors: [String]

    subscript(attribute: String) -> String? { attributes[attribute] }
    var parent: String? { ancestors.last }
}

/// Reads a small part in one go and calls `visit` for every start tag, matching on local names
/// so any namespace prefix and both the transitional and Strict namespaces work.
final class ElementReader: SAXHandler {
    private var stack: [String] = []
    private let visit: (XMLElement) throws -> Void

    private init(visit: @escaping (XMLElement) throws -> Void) { self.visit = visit }

    static func read(_ bytes: [UInt8], part: String, visit: @escaping (XMLElement) throws -> Void) throws {
        let reader = ElementReader(visit: visit)
        let parser = try SAXParser(handler: reader, partName: part)
        try bytes.withUnsafeBytes { try parser.feed($0) }
        try parser.finish()
    }

    override func startElement(_ name: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                               _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !failed else { return }
        var values: [String: String] = [:]
        if let attributes {
            for index in 0..<attributeCount {
                let base = index * 5
                guard let local = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                values[string(local)] = decodeAttribute(start, end)
            }
        }
        let element = XMLElement(name: string(name), attributes: values, ancestors: stack)
        stack.append(element.name)
        do { try visit(element) } catch { fail(error) }
    }

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        if !stack.isEmpty { stack.removeLast() }
    }
}

/// libxml2 hands SAX2 attribute values undecoded when they hold entity or character references
/// (it only substitutes `&amp;`-style references under XML_PARSE_NOENT, which stays off).
func decodeAttribute(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String {
    let raw = string(start, end)
    guard raw.contains("&") else { return raw }
    var out = ""
    var rest = Substring(raw)
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
        let entity = rest[rest.index(after: amp)..<semicolon]
        switch entity {
        case "amp": out += "&"
        case "lt": out += "<"
        case "gt": out += ">"
        case "quot": out += "\""
        case "apos": out += "'"
        default:
            if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let value = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
            } else {
                out += rest[amp...semicolon]
            }
        }
        rest = rest[rest.index(after: semicolon)...]
    }
    return out + rest
}
