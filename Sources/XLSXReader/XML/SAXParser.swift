internal import CDRSDiffLibXML2

/// What every parse shares with its callbacks through libxml2's user-data pointer: the parser
/// context (to stop it), whether a DOCTYPE was seen, the first error raised in a callback, and the
/// receiver of the events. Nothing may unwind through libxml2's C frames, so errors are parked here.
struct ParserBox {
    var context: xmlParserCtxtPtr?
    var sawDoctype = false
    var failure: Error?
    /// A failure was recorded and the parser is not stopped yet.
    var stopPending = false
    var target: UnsafeMutableRawPointer
    var depth = 0
    /// libxml2's first complaint: the useful one (later ones follow from it).
    var firstError: (message: String, line: Int)?

    /// OOXML nests a dozen levels at most; libxml2 caps depth at 256 in pull mode but not in push
    /// mode, so both are held to the same cap here.
    static let maxDepth = 256

    /// Counts an element opening; false (and the parse stopped) past the depth cap.
    @inline(__always)
    mutating func enter() -> Bool {
        depth += 1
        guard depth <= ParserBox.maxDepth else {
            // The parser adds the part's name when it rethrows.
            fail(XLSXError(.malformedXML, "elements nest deeper than \(ParserBox.maxDepth) levels"))
            return false
        }
        return true
    }

    /// Records the first error; the callback's trampoline stops the parser once the handler has
    /// returned (`stopIfFailed`), and the parser rethrows the error.
    mutating func fail(_ error: Error) {
        guard failure == nil else { return }
        failure = error
        stopPending = true
    }

    /// Stops the parser after a failure, called by every callback trampoline after its handler:
    /// libxml2's xmlStopParser frees the input buffer that the handler's arguments (names,
    /// attribute values, text) point into, so it must never run while a handler still reads them.
    @inline(__always)
    mutating func stopIfFailed() {
        guard stopPending else { return }
        stopPending = false
        if let context { xmlStopParser(context) }
    }
}

/// Receives libxml2's SAX2 events for the small parts (relationships, workbook, styles, shared
/// strings). Subclasses override what they need. Sheets use their own callbacks (`SheetState`).
class SAXHandler {
    fileprivate(set) var box: UnsafeMutablePointer<ParserBox>?

    func startElement(_ name: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                      _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {}
    func endElement(_ name: UnsafePointer<xmlChar>) {}
    func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {}

    final func fail(_ error: Error) { box?.pointee.fail(error) }
    final var failed: Bool { box?.pointee.failure != nil }
}

private let libxml2Ready: Bool = {
    xmlInitParser()
    return true
}()

/// A libxml2 SAX2 parser fed chunk by chunk from the inflater: in push mode (`feed`/`finish`) for
/// the small parts, in pull mode (`parseDocument`, reading through `PulledInput`) for sheets, where
/// it skips push mode's look-ahead scans. Its settings make untrusted OOXML safe: no network, no
/// entity substitution, no DTD loading, no "huge" mode (so libxml2 keeps its depth and text-size
/// caps), and a DOCTYPE anywhere stops the parse, since OOXML parts never have one and every
/// entity-expansion attack needs one. Only the element, text and error callbacks are registered:
/// libxml2's default SAX2 handlers would build entities and trees.
final class SAXParser {
    private let context: xmlParserCtxtPtr
    private let box: UnsafeMutablePointer<ParserBox>
    private let handler: SAXHandler?
    private let pulledInput: UnsafeMutablePointer<PulledInput>?
    let partName: String

    /// Parses into a class-based handler.
    convenience init(handler: SAXHandler, partName: String) throws {
        var sax = xmlSAXHandler()
        sax.startElementNs = { user, localname, prefix, _, _, _, attributeCount, _, attributes in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            defer { box.pointee.stopIfFailed() }
            guard box.pointee.enter() else { return }
            Unmanaged<SAXHandler>.fromOpaque(box.pointee.target).takeUnretainedValue()
                .startElement(localname!, prefix, Int(attributeCount), attributes)
        }
        sax.endElementNs = { user, localname, _, _ in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            defer { box.pointee.stopIfFailed() }
            box.pointee.depth -= 1
            Unmanaged<SAXHandler>.fromOpaque(box.pointee.target).takeUnretainedValue().endElement(localname!)
        }
        sax.characters = { user, bytes, count in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            defer { box.pointee.stopIfFailed() }
            Unmanaged<SAXHandler>.fromOpaque(box.pointee.target).takeUnretainedValue().characters(bytes!, Int(count))
        }
        try self.init(callbacks: sax, target: Unmanaged.passUnretained(handler).toOpaque(), handler: handler, partName: partName)
        handler.box = box
    }

    /// Parses with the given element and text callbacks; their user data is a `ParserBox` whose
    /// `target` is `target`.
    init(callbacks: xmlSAXHandler, target: UnsafeMutableRawPointer, handler: SAXHandler? = nil, partName: String,
         input: UnsafeMutablePointer<PulledInput>? = nil) throws {
        precondition(libxml2Ready)
        var sax = callbacks
        sax.initialized = XML_SAX2_MAGIC
        sax.cdataBlock = sax.characters
        sax.internalSubset = { user, _, _, _ in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            box.pointee.sawDoctype = true
            if let context = box.pointee.context { xmlStopParser(context) }
        }
        // A structured error handler keeps libxml2 from printing to stderr, and keeps the first error.
        sax.serror = { user, error in
            guard let user, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let box = user.assumingMemoryBound(to: ParserBox.self)
            guard box.pointee.firstError == nil else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
            while message.last?.isWhitespace == true { message.removeLast() }
            box.pointee.firstError = (message, Int(error.pointee.line))
        }
        box = .allocate(capacity: 1)
        box.initialize(to: ParserBox(target: target))
        let created: xmlParserCtxtPtr?
        if let input {
            created = xmlCreateIOParserCtxt(&sax, box, { context, buffer, length in
                context!.assumingMemoryBound(to: PulledInput.self).pointee.read(into: buffer!, length: Int(length))
            }, nil, input, XML_CHAR_ENCODING_NONE)
        } else {
            created = xmlCreatePushParserCtxt(&sax, box, nil, 0, partName)
        }
        guard let context = created else {
            box.deinitialize(count: 1)
            box.deallocate()
            throw XLSXError(.malformedXML, "libxml2 could not create a parser", part: partName)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        xmlCtxtUseOptions(context, options)
        box.pointee.context = context
        self.context = context
        self.handler = handler
        self.pulledInput = input
        self.partName = partName
    }

    deinit {
        handler?.box = nil
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
        box.deinitialize(count: 1)
        box.deallocate()
    }

    /// The box callbacks receive, for receivers that raise errors themselves.
    var callbackBox: UnsafeMutablePointer<ParserBox> { box }

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

    /// Parses a whole part in libxml2's pull mode, which reads through `PulledInput`: no look-ahead
    /// scans for the end of each tag, as push mode must make. Events arrive as with `feed`.
    func parseDocument() throws {
        let status = xmlParseDocument(context)
        try check(status)
        if context.pointee.wellFormed == 0 { try check(-1) }
    }

    private func check(_ status: Int32) throws {
        if box.pointee.sawDoctype {
            throw XLSXError(.unsafeXML, "the part declares a DOCTYPE, which OOXML never does; parsing stopped (entity-expansion or external-entity attack?)",
                            part: partName, location: "line \(xmlSAX2GetLineNumber(context))")
        }
        if let failure = box.pointee.failure { throw (failure as? XLSXError)?.inPart(partName) ?? failure }
        if let input = pulledInput, let failure = input.pointee.failure { throw failure }
        guard status != 0 || context.pointee.wellFormed == 0 else { return }
        if let first = box.pointee.firstError {
            throw XLSXError(.malformedXML, first.message, part: partName, location: "line \(first.line)")
        }
        guard let error = xmlCtxtGetLastError(context) else {
            throw XLSXError(.malformedXML, "not well-formed XML", part: partName)
        }
        var message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
        while message.last?.isWhitespace == true { message.removeLast() }
        throw XLSXError(.malformedXML, message, part: partName, location: "line \(error.pointee.line)")
    }
}

// MARK: - Byte helpers

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
    let bytes = literal.utf8Start
    for index in 0..<count where pointer[index] != bytes[index] { return false }
    return pointer[count] == 0
}

/// The source libxml2's pull mode reads from: before handing out more bytes it calls `refill`,
/// which delivers the rows completed so far and inflates the next chunk. Errors thrown there end
/// the parse and are rethrown by the parser.
struct PulledInput {
    var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    var offset = 0
    var failure: Error?
    let refill: () throws -> UnsafeRawBufferPointer?

    mutating func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        if offset == chunk.count {
            do {
                guard let next = try refill() else { return 0 }
                chunk = next
                offset = 0
            } catch {
                failure = error
                return -1
            }
        }
        let count = min(length, chunk.count - offset)
        UnsafeMutableRawPointer(buffer).copyMemory(from: chunk.baseAddress! + offset, byteCount: count)
        offset += count
        return Int32(count)
    }
}
