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
            collect(current, ancestors: [], document: document)
            node = current.pointee.next
        }
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    private func collect(_ node: xmlNodePtr, ancestors: [String], document: htmlDocPtr) {
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
        let content = xmlNodeGetContent(node)
        elements.append(Element(name: name, attributes: attributes, text: content.map { String(cString: $0) } ?? "", ancestors: ancestors))
        if let content { cdrsdiff_xmlFree(content) }
        var child = node.pointee.children
        while let current = child {
            collect(current, ancestors: ancestors + [name], document: document)
            child = current.pointee.next
        }
    }
}
