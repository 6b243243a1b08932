internal import CDRSDiffLibXML2

extension SheetState {
    /// The libxml2 callbacks of a sheet parse: their user data is a `ParserBox` whose target is a
    /// `SheetState`. Each only finds the state and passes the event on, then stops the parser if
    /// the handler failed (never earlier: see `ParserBox.stopIfFailed`); text never fails, so
    /// `characters`, the most frequent event, skips that check.
    static func callbacks() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.startElementNs = { user, localname, _, _, _, _, attributeCount, _, attributes in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            defer { box.pointee.stopIfFailed() }
            guard box.pointee.enter() else { return }
            box.pointee.target.assumingMemoryBound(to: SheetState.self).pointee.startElement(localname!, Int(attributeCount), attributes)
        }
        sax.endElementNs = { user, _, _, _ in
            let box = user!.assumingMemoryBound(to: ParserBox.self)
            defer { box.pointee.stopIfFailed() }
            box.pointee.depth -= 1
            box.pointee.target.assumingMemoryBound(to: SheetState.self).pointee.endElement()
        }
        sax.characters = { user, bytes, count in
            user!.assumingMemoryBound(to: ParserBox.self).pointee.target.assumingMemoryBound(to: SheetState.self)
                .pointee.characters(bytes!, Int(count))
        }
        return sax
    }
}
