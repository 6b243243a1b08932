internal import CDRSDiffLibXML2

/// Receives libxml2's SAX2 events. Subclasses override what they need; the C callbacks reach them
/// through one class dispatch. Errors raised inside a callback are parked in `failure` and the
/// parse is stopped, since nothing may unwind through libxml2's C frames.
class SAXHandler {
    fileprivate(set) var context: xmlParserCtxtPtr?
    var failure: Error?
    fileprivate var sawDoctype = false

    func startElement(_ name: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                      _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {}
    func endElement(_ name: UnsafePointer<xmlChar>) {}
    func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {}

    /// Records the error and stops the parser; the parser rethrows it.
    final func fail(_ error: Error) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    /// The interned pointer libxml2 will hand to callbacks for this name, so element names compare
    /// by address instead of by bytes.
    final func intern(_ name: StaticString) -> UnsafePointer<xmlChar> {
        name.withUTF8Buffer { buffer in
            xmlDictLookup(context!.pointee.dict, buffer.baseAddress, Int32(buffer.count))!
        }
    }
}

private let libxml2Ready: Bool = {
    xmlInitParser()
    return true
}()

/// A libxml2 push parser with the settings that make untrusted OOXML safe: no network, no entity
/// substitution, no DTD loading, no "huge" mode (so libxml2 keeps its depth and text-size caps),
/// and a DOCTYPE anywhere stops the parse, since OOXML parts never have one and every
/// entity-expansion attack needs one.
final class XMLPushParser {
    private let context: xmlParserCtxtPtr
    private let handler: SAXHandler
    let partName: String

    init(handler: SAXHandler, partName: String) throws {
        precondition(libxml2Ready)
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { user, localname, prefix, _, _, _, attributeCount, _, attributes in
            let handler = Unmanaged<SAXHandler>.fromOpaque(user!).takeUnretainedValue()
            handler.startElement(localname!, prefix, Int(attributeCount), attributes)
        }
        sax.endElementNs = { user, localname, _, _ in
            Unmanaged<SAXHandler>.fromOpaque(user!).takeUnretainedValue().endElement(localname!)
        }
        sax.characters = { user, bytes, count in
            Unmanaged<SAXHandler>.fromOpaque(user!).takeUnretainedValue().characters(bytes!, Int(count))
        }
        sax.cdataBlock = sax.characters
        sax.internalSubset = { user, _, _, _ in
            let handler = Unmanaged<SAXHandler>.fromOpaque(user!).takeUnretainedValue()
            handler.sawDoctype = true
            if let context = handler.context { xmlStopParser(context) }
        }
        // A structured error handler keeps libxml2 from printing to stderr; details come from the context.
        sax.serror = { _, _ in }
        let user = Unmanaged.passUnretained(handler).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&sax, user, nil, 0, partName) else {
            throw XLSXError(.malformedXML, "libxml2 could not create a parser", part: partName)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        xmlCtxtUseOptions(context, options)
        self.context = context
        self.handler = handler
        self.partName = partName
        handler.context = context
    }

    deinit {
        handler.context = nil
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
    }

    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        guard !chunk.isEmpty else { return }
        var offset = 0
        // xmlParseChunk takes an Int32 length.
        while offset < chunk.count {
            let size = min(chunk.count - offset, 1 << 30)
            let status = xmlParseChunk(context, chunk.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self), Int32(size), 0)
            try check(status)
            offset += size
        }
    }

    func finish() throws {
        try check(xmlParseChunk(context, nil, 0, 1))
    }

    private func check(_ status: Int32) throws {
        if handler.sawDoctype {
            throw XLSXError(.unsafeXML, "the part declares a DOCTYPE, which OOXML never does; parsing stopped (entity-expansion or external-entity attack?)",
                            part: partName, location: "line \(xmlSAX2GetLineNumber(context))")
        }
        if let failure = handler.failure { throw failure }
        guard status != 0 || context.pointee.wellFormed == 0 else { return }
        guard let error = xmlCtxtGetLastError(context) else {
            throw XLSXError(.malformedXML, "not well-formed XML", part: partName)
        }
        var message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
        while message.last?.isWhitespace == true { message.removeLast() }
        throw XLSXError(.malformedXML, message, part: partName, location: "line \(error.pointee.line)")
    }
}

// MARK: - Byte helpers for the hot path

@inline(__always)
func string(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String {
    String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
}

@inline(__always)
func string(_ pointer: UnsafePointer<xmlChar>) -> String {
    String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
}

@inline(__always)
func equals(_ pointer: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    return literal.withUTF8Buffer { buffer in
        for index in 0..<count where pointer[index] != buffer[index] { return false }
        return pointer[count] == 0
    }
}
