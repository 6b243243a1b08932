import CDRSDiffLibXML2

/// A page parsed by libxml2's HTML parser, as a browser-independent view of its structure:
/// the elements in document order with their attributes and text.
final class HTMLDocument {
    struct Element {
        let name: String
        let attributes: [String: String]
        /// All text inside, as the parser decoded it (character references resolved).
        let text: String
        /// Names of the elements it sits in, outermost first.
        let ancestors: [String]
        /// The `id`s of the elements it sits in that have one, outermost first.
        let ancestorIDs: [String]
        /// The text of each child element (a row's cells).
        let childTexts: [String]

        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    private(set) var elements: [Element] = []

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ html: String) throws {
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let bytes = Array(html.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), "page.html", "UTF-8", options) }
        }) else { throw Failure(description: "libxml2 could not parse the page") }
        defer { xmlFreeDoc(document) }
        var node = xmlDocGetRootElement(document)
        while let current = node {
            collect(current, ancestors: [], ids: [], document: document)
            node = current.pointee.next
        }
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// All text inside a node, character references resolved.
    private static func content(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { cdrsdiff_xmlFree(content) }
        return String(cString: content)
    }

    private func collect(_ node: xmlNodePtr, ancestors: [String], ids: [String], document: htmlDocPtr) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        let name = String(cString: node.pointee.name)
        var attributes: [String: String] = [:]
        var property = node.pointee.properties
        while let current = property {
            let value = xmlNodeListGetString(document, current.pointee.children, 1)
            attributes[String(cString: current.pointee.name)] = value.map { String(cString: $0) } ?? ""
            if let value { cdrsdiff_xmlFree(value) }
            property = current.pointee.next
        }
        var childTexts: [String] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { childTexts.append(HTMLDocument.content(current)) }
            child = current.pointee.next
        }
        elements.append(Element(name: name, attributes: attributes, text: HTMLDocument.content(node), ancestors: ancestors, ancestorIDs: ids,
                                childTexts: childTexts))
        let inner = ids + (attributes["id"].map { [$0] } ?? [])
        child = node.pointee.children
        while let current = child {
            collect(current, ancestors: ancestors + [name], ids: inner, document: document)
            child = current.pointee.next
        }
    }
}
